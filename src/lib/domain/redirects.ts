// Where a visitor may be sent after signing in (or after an inbox item): a path on this site only.

// A stand-in origin: the target is parsed as a browser would parse it on our site, whatever our
// host name is, and anything that resolves elsewhere is refused.
const HOME = "https://conduct.invalid";

// Refused outright rather than repaired. Browsers drop tabs and line breaks anywhere in a URL and
// strip other controls and spaces at its edges, so "/\t/evil.example" is followed as "//evil.example";
// a backslash is read as a slash; C1 controls and Unicode spaces (U+0085, U+00A0, U+2000–U+200B,
// U+2028, U+3000, U+FEFF…) have no place in a path of ours and, written raw into a Location header,
// are not valid header text (a 500). Our own links never contain any of them.
const REFUSED = /[\u0000-\u001f\u007f-\u009f\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff\\]/;

/**
 * `value` when it is a path on this site, in its parsed, ASCII-only form (it goes into a Location
 * header); `fallback` otherwise: "//evil.example", "/\evil.example", "https://…", a control
 * character, a Unicode space. The fallback "/" lets the home page send each role to its own
 * landing page.
 */
export function safeNextPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || REFUSED.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, HOME);
  } catch {
    return fallback;
  }
  if (url.origin !== HOME) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments can turn "/.//evil.example" into "//evil.example", which a browser reads as a host.
  if (path.startsWith("//")) return fallback;
  return path;
}
