import { routeMember } from "@/lib/server/context";
import { feedbackCsvChunks } from "@/lib/server/data/feedback-transfer";
import { FeedbackFilter } from "@/lib/schemas/feedback";
import { slugify } from "@/lib/domain/accounts";
import { currentDay } from "@/lib/domain/dates";

// GET /feedback/export?q=…&sentiment=…&from=YYYY-MM-DD… — the filtered feedback as CSV, streamed in pages.
export async function GET(req: Request) {
  const ctx = await routeMember(req);
  if (ctx instanceof Response) return ctx;
  const filter = FeedbackFilter.parse(Object.fromEntries(new URL(req.url).searchParams));
  const chunks = feedbackCsvChunks(ctx, filter);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${slugify(ctx.orgName)}-feedback-${currentDay(ctx.timeZone)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
