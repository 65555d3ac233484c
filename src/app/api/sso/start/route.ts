import { startSso } from "@/lib/server/sso/flow";

// "Sign in with single sign-on" on the sign-in page posts here (docs/decisions/034).
export const POST = (req: Request) => startSso(req);
