// The Content-Security-Policy of every page. Scripts run only with this response's nonce;
// 'strict-dynamic' lets those scripts load the app's own chunks, and nothing else (no inline
// handlers, no injected <script>, no other origin). Pure, so the policy is unit-tested.

export function contentSecurityPolicy(nonce: string, opts: { development?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // React's development build evaluates code for error overlays; never in production.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${opts.development ? " 'unsafe-eval'" : ""}`,
    // Charts and a few bars size themselves with style attributes.
    "style-src 'self' 'unsafe-inline'",
    // data: for the PNG export of charts, blob: for downloads made in the page.
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // The Log pad's service worker (public/sw.js); 'strict-dynamic' above would otherwise leave no source for it.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** A fresh, unguessable nonce: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
