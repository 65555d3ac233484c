import { routeMember } from "@/lib/server/context";
import { exportAuditCsv } from "@/lib/server/data/audit-trail";
import { parseAuditParams } from "@/lib/schemas/audit-trail";
import { slugify } from "@/lib/domain/accounts";
import { currentDay } from "@/lib/domain/dates";

// GET /settings/audit/export?action=…&outcome=…&actor=…&from=YYYY-MM-DD&to=YYYY-MM-DD — the
// filtered audit trail as CSV. Anyone but an admin gets the same 404 as for a missing page.
export async function GET(req: Request) {
  const ctx = await routeMember(req, "members.manage");
  if (ctx instanceof Response) return ctx;
  const { filter } = parseAuditParams(new URL(req.url).searchParams);
  // Streamed page by page: every row, however many, without the file in memory.
  const body = await exportAuditCsv(ctx, filter);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slugify(ctx.orgName)}-audit-${currentDay(ctx.timeZone)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
