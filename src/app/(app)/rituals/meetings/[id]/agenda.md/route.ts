import { routeMember } from "@/lib/server/context";
import { occurrenceMarkdown } from "@/lib/server/data/occurrence-view";
import { NotFoundError } from "@/lib/server/errors";

/** The agenda with its notes as Markdown, to paste into the meeting invite or a wiki. */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  const ctx = await routeMember(req);
  if (ctx instanceof Response) return ctx;
  const { id } = await params;
  try {
    const { name, text } = await occurrenceMarkdown(ctx, id);
    return new Response(text, {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}.md"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return new Response("Not found", { status: 404 });
    throw err;
  }
}
