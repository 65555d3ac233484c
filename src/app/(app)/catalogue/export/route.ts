import { routeMember } from "@/lib/server/context";
import { exportCatalogue } from "@/lib/server/data/catalogue-transfer";
import { catalogueToCsv } from "@/lib/domain/catalogue-transfer";
import { slugify } from "@/lib/domain/accounts";
import { currentDay } from "@/lib/domain/dates";

// GET /catalogue/export?format=csv|json — the caller's catalogue as a download.
export async function GET(req: Request) {
  const ctx = await routeMember(req);
  if (ctx instanceof Response) return ctx;
  const format = new URL(req.url).searchParams.get("format") === "csv" ? "csv" : "json";
  const doc = await exportCatalogue(ctx);
  const name = `${slugify(ctx.orgName)}-catalogue-${currentDay(ctx.timeZone)}.${format}`;
  const body = format === "csv" ? catalogueToCsv(doc) : JSON.stringify(doc, null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
