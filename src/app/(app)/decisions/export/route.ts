import { routeMember } from "@/lib/server/context";
import { exportDecisionsCsv } from "@/lib/server/data/decision-log";
import { DecisionFilter } from "@/lib/schemas/decisions";
import { slugify } from "@/lib/domain/accounts";
import { currentDay } from "@/lib/domain/dates";

// GET /decisions/export?team=…&ritual=…&status=DRAFT — the filtered decision log as CSV.
export async function GET(req: Request) {
  const ctx = await routeMember(req);
  if (ctx instanceof Response) return ctx;
  const sp = new URL(req.url).searchParams;
  const filter = DecisionFilter.parse({
    team: sp.get("team") ?? undefined,
    ritual: sp.get("ritual") ?? undefined,
    status: sp.get("status") ?? undefined,
  });
  // Streamed page by page: every row, however many, without the file in memory.
  const body = await exportDecisionsCsv(ctx, filter);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slugify(ctx.orgName)}-decisions-${currentDay(ctx.timeZone)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
