import "server-only";
import { serverEnv } from "../env";

// Absolute links in webhook messages. The mail engineer's appUrl(path) (src/lib/server/app-url.ts)
// replaces this once it lands; until then the same rule: APP_URL, else the local default.
export function absoluteUrl(path: string): string {
  return new URL(path, serverEnv().appUrl ?? "http://localhost:3000").toString();
}
