import { confirmSso } from "@/lib/server/sso/flow";

// The button of the page an e-mailed confirmation link opens (/sso/confirm/<token>).
export const POST = (req: Request) => confirmSso(req);
