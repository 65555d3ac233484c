import "server-only";
import { serverEnv } from "./env";

/**
 * An absolute link into the app, for e-mail and webhooks (which have no page to be relative to):
 * APP_URL when configured, else this server on localhost. Never the request's Host header: a
 * password-reset mail built from it would carry whatever host an attacker sent (host-header poisoning).
 */
export function appUrl(path: string): string {
  const env = serverEnv();
  const base = env.appUrl ?? `http://localhost:${env.port}`;
  // Relative to the base with its path kept (an app served under https://example.com/conduct/).
  return new URL(path.replace(/^\/+/, ""), base.endsWith("/") ? base : `${base}/`).toString();
}
