import { finishSso } from "@/lib/server/sso/flow";

// The redirect URI an admin registers at the identity provider (Settings → Single sign-on).
export const GET = (req: Request) => finishSso(req);
