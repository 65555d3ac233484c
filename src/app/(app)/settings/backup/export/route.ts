import { currentMember } from "@/lib/server/context";
import { recordRefusal } from "@/lib/server/authorize";
import { exportOrganisation } from "@/lib/server/data/backup";
import { can } from "@/lib/domain/roles";
import { slugify } from "@/lib/domain/accounts";

// GET /settings/backup/export — the whole organisation as one JSON file (docs/decisions/008).
// Anyone but an admin gets the same 404 as for a missing page.
export async function GET(req: Request) {
  const ctx = await currentMember();
  if (!ctx) return new Response("Not found", { status: 404 });
  if (!can(ctx.role, "members.manage")) {
    await recordRefusal({ organizationId: ctx.orgId, actorUserId: ctx.userId, permission: "members.manage", path: new URL(req.url).pathname });
    return new Response("Not found", { status: 404 });
  }
  const now = new Date();
  const doc = await exportOrganisation(ctx, now);
  return new Response(JSON.stringify(doc), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slugify(ctx.orgName)}-backup-${now.toISOString().slice(0, 10)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
