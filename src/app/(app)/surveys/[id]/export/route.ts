import { currentMember } from "@/lib/server/context";
import { recordRefusal } from "@/lib/server/authorize";
import { exportTabulationCsv } from "@/lib/server/data/survey-transfer";
import { slugify } from "@/lib/domain/accounts";
import { can } from "@/lib/domain/roles";
import { NotFoundError } from "@/lib/server/errors";

// GET /surveys/:id/export — the tabulation as CSV. Another organisation's survey is a 404, like a missing one.
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await currentMember();
  if (!ctx) return new Response("Not found", { status: 404 });
  if (!can(ctx.role, "barriers.manage")) {
    await recordRefusal({ organizationId: ctx.orgId, actorUserId: ctx.userId, permission: "barriers.manage", path: new URL(req.url).pathname });
    return new Response("Not found", { status: 404 });
  }
  try {
    const { csv, title } = await exportTabulationCsv(ctx, (await params).id);
    return new Response(csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${slugify(title) || "survey"}-tabulation.csv"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw err;
  }
}
