import { routeMember } from "@/lib/server/context";
import { exportActionsCsv } from "@/lib/server/data/action-lists";
import { parseActionParams } from "@/lib/schemas/actions";
import { slugify } from "@/lib/domain/accounts";
import { currentDay } from "@/lib/domain/dates";

// GET /actions/export?scope=…&team=…&status=…&overdue=1 — the filtered actions as CSV.
export async function GET(req: Request) {
  const ctx = await routeMember(req);
  if (ctx instanceof Response) return ctx;
  const { filter } = parseActionParams(Object.fromEntries(new URL(req.url).searchParams));
  // Streamed page by page: every row, however many, without the file in memory.
  const body = await exportActionsCsv(ctx, filter);
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slugify(ctx.orgName)}-actions-${currentDay(ctx.timeZone)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
