import { routeMember } from "@/lib/server/context";
import { exportOrganisation } from "@/lib/server/data/backup-export";
import { slugify } from "@/lib/domain/accounts";
import { dayOf } from "@/lib/domain/dates";

// GET /settings/backup/export — the whole organisation as one JSON file (docs/decisions/008),
// streamed page by page (docs/decisions/016). Anyone but an admin gets the same 404 as for a missing page.
export async function GET(req: Request) {
  const ctx = await routeMember(req, "members.manage");
  if (ctx instanceof Response) return ctx;
  const now = new Date();
  const body = await exportOrganisation(ctx, now);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slugify(ctx.orgName)}-backup-${dayOf(now, ctx.timeZone)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
