import "server-only";
import { servedOverHttps } from "@/lib/domain/transport";
import { serverEnv } from "./env";

/** Whether this request reached us over HTTPS, by APP_URL and the trusted proxies (src/lib/domain/transport.ts). */
export function requestIsHttps(header: (name: string) => string | null | undefined): boolean {
  const { appUrl, trustProxyHops } = serverEnv();
  return servedOverHttps({ appUrl, trustProxyHops }, header("x-forwarded-proto"));
}
