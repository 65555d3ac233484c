import { currentMember } from "@/lib/server/context";
import { recordRefusal } from "@/lib/server/authorize";
import { exportAuditCsv } from "@/lib/server/data/audit-trail";
import { parseAuditParams } from "@/lib/schemas/audit-trail";
import { can } from "@/lib/domain/roles";
import { slugify } from "@/lib/domain/accounts";

// GET /settings/audit/export?action=…&outcome=…&actor=…&from=YYYY-MM-DD&to=YYYY-MM-DD — the
// filtered audit trail as CSV. Anyone but an admin gets the same 404 as for a missing page.
export async function GET(req: Request) {
  const ctx = await currentMember();
  if (!ctx) return new Response("Not found", { status: 404 });
  if (!can(ctx.role, "members.manage")) {
    await recordRefusal({ organizationId: ctx.orgId, actorUserId: ctx.userId, permission: "members.manage", path: new URL(req.url).pathname });
    return new Response("Not found", { status: 404 });
  }
  const { filter } = parseAuditParams(new URL(req.url).searchParams);
  const csv = await exportAuditCsv(ctx, filter);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slugify(ctx.orgName)}-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
