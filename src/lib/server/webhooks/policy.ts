import "server-only";
import type { UrlPolicy } from "@/lib/domain/webhook-urls";
import { serverEnv } from "../env";

/** https only in production unless CONDUCT_WEBHOOK_HTTPS says otherwise; private addresses per organisation. */
export function urlPolicy(allowPrivate: boolean): UrlPolicy {
  const env = serverEnv();
  return { requireHttps: env.webhooksRequireHttps, allowPrivate };
}
