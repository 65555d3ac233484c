import { routeMember } from "@/lib/server/context";
import { myData } from "@/lib/server/data/my-data";
import { slugify } from "@/lib/domain/accounts";
import { currentDay } from "@/lib/domain/dates";

// GET /profile/my-data — the signed-in person's own data in this organisation, as JSON (issue 21).
export async function GET(req: Request) {
  const ctx = await routeMember(req);
  if (ctx instanceof Response) return ctx;
  const body = JSON.stringify(await myData(ctx), null, 2);
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slugify(ctx.orgName)}-my-data-${currentDay(ctx.timeZone)}.json"`,
      "Cache-Control": "no-store",
    },
  });
}
