import "server-only";
import { headers } from "next/headers";
import { clientIp } from "./rate-limit";

/** The caller's address inside a request (docs/decisions/013); null outside one (integration tests, scripts). */
export async function requestIp(): Promise<string | null> {
  try {
    const h = await headers();
    return clientIp((name) => h.get(name));
  } catch {
    return null;
  }
}
