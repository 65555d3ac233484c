// Whether the browser reached us over HTTPS, which decides Secure session cookies and HSTS.
// `next start` speaks plain HTTP only, so HTTPS is always terminated by a reverse proxy in front of
// it. The proxy's X-Forwarded-Proto is believed only when the operator says how many proxies there
// are: any client can send that header itself, and Next.js keeps a client's header as it is (it
// even builds request.url's scheme from it), so neither the header nor request.url is evidence alone.

export interface TransportConfig {
  /** APP_URL: where people reach the app; when set, it decides. */
  appUrl: string | undefined;
  /** TRUST_PROXY_HOPS: how many proxies in front of the app add X-Forwarded-* headers. */
  trustProxyHops: number;
}

/**
 * APP_URL first (configuration beats anything a request says); else the X-Forwarded-Proto entry
 * of the outermost trusted proxy (each proxy appends one: with N trusted hops it is the N-th from
 * the right, as for X-Forwarded-For, so the proxy must set or append it); else plain HTTP.
 */
export function servedOverHttps(config: TransportConfig, forwardedProto: string | null | undefined): boolean {
  if (config.appUrl) return config.appUrl.toLowerCase().startsWith("https://");
  if (config.trustProxyHops > 0 && forwardedProto) {
    const hops = forwardedProto
      .split(",")
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean);
    if (hops.length) return hops[Math.max(0, hops.length - config.trustProxyHops)] === "https";
  }
  return false;
}

/**
 * Sent only over HTTPS (browsers ignore it over HTTP anyway). One year, the value HSTS preload
 * lists ask for; no includeSubDomains, because other sites of the same domain are not ours to bind.
 */
export const HSTS = "max-age=31536000";
