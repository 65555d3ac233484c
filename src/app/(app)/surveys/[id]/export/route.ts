import { routeMember } from "@/lib/server/context";
import { exportTabulationCsv } from "@/lib/server/data/survey-transfer";
import { slugify } from "@/lib/domain/accounts";
import { NotFoundError } from "@/lib/server/errors";

// GET /surveys/:id/export — the tabulation as CSV. Another organisation's survey is a 404, like a missing one.
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await routeMember(req, "barriers.manage");
  if (ctx instanceof Response) return ctx;
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
