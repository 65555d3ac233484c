import { routeMember } from "@/lib/server/context";
import { exportReadingsCsv } from "@/lib/server/data/metric-readings";
import { slugify } from "@/lib/domain/accounts";
import { currentDay } from "@/lib/domain/dates";

// GET /metrics/export — every typed reading of the organisation's metrics as CSV, in the import's format (date,
// metric, team, value), so readings go out and back in unchanged. For the roles that see the metrics; anyone
// else gets the same 404 as for a missing page.
export async function GET(req: Request) {
  const ctx = await routeMember(req, "dashboards.view");
  if (ctx instanceof Response) return ctx;
  // Streamed page by page: every reading, however many, without the file in memory.
  const body = await exportReadingsCsv(ctx);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slugify(ctx.orgName)}-metric-readings-${currentDay(ctx.timeZone)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
