import { NextResponse, type NextRequest } from "next/server";
import { unsubscribe } from "@/lib/server/mail/settings";
import { NotFoundError } from "@/lib/server/errors";

// The one-click unsubscribe of RFC 8058: a mail client POSTs "List-Unsubscribe=One-Click" here, with
// no session and no CSRF token (the signed token is the authority, and all it can do is turn one kind
// of mail off for one person). The page's button posts here too. GET changes nothing: it shows the page.
export const dynamic = "force-dynamic";

export async function POST(_req: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  try {
    await unsubscribe(token);
  } catch (err) {
    if (err instanceof NotFoundError) return new NextResponse("Unknown unsubscribe link.", { status: 404 });
    throw err;
  }
  // A browser (the page's form) sees the page again, saying it is done; a mail client only needs a 2xx/3xx.
  return seeOther(`/unsubscribe/${encodeURIComponent(token)}?done=1`);
}

export async function GET(_req: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return seeOther(`/unsubscribe/${encodeURIComponent(token)}`);
}

/**
 * A relative Location: the server's own idea of its host (behind a proxy, or 127.0.0.1 vs localhost)
 * may differ from the browser's, and the page's CSP (form-action 'self') refuses a form whose
 * redirect leaves the origin.
 */
const seeOther = (path: string) => new NextResponse(null, { status: 303, headers: { Location: path } });
