import { currentMember } from "@/lib/server/context";
import { exportObservationsCsv } from "@/lib/server/data/observation-transfer";
import { slugify } from "@/lib/domain/accounts";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9]{1,40}$/;

// GET /log/export?team=…&behaviour=…&from=YYYY-MM-DD&to=YYYY-MM-DD — the filtered observations as CSV.
export async function GET(req: Request) {
  const ctx = await currentMember();
  if (!ctx) return new Response("Not found", { status: 404 });
  const q = new URL(req.url).searchParams;
  const pick = (k: string, re: RegExp) => (re.test(q.get(k) ?? "") ? q.get(k)! : undefined);
  const csv = await exportObservationsCsv(ctx, { teamId: pick("team", ID), behaviourId: pick("behaviour", ID), from: pick("from", DATE), to: pick("to", DATE) });
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slugify(ctx.orgName)}-observations-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
