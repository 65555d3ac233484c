import { routeMember } from "@/lib/server/context";
import { exportObservationsCsv } from "@/lib/server/data/observation-transfer";
import { ObservationFilter } from "@/lib/schemas/observations";
import { slugify } from "@/lib/domain/accounts";
import { currentDay } from "@/lib/domain/dates";

// GET /log/export?team=…&behaviour=…&from=YYYY-MM-DD&to=YYYY-MM-DD — the filtered observations as CSV.
export async function GET(req: Request) {
  const ctx = await routeMember(req);
  if (ctx instanceof Response) return ctx;
  const filter = ObservationFilter.parse(Object.fromEntries(new URL(req.url).searchParams));
  // Streamed page by page: every row, however many, without the file in memory.
  const body = await exportObservationsCsv(ctx, filter);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slugify(ctx.orgName)}-observations-${currentDay(ctx.timeZone)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
