import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { RuleError } from "../errors";
import { anchorListProblem, anchorListStamp, DEFAULT_ANCHOR_QUESTIONS } from "@/lib/domain/decisions";
import type { AnchorListDto, AnchorQuestionDto, AnchorQuestionsInput } from "@/lib/schemas/decisions";
import type { Prisma } from "@/generated/prisma/client";
import type { MemberContext } from "./accounts";

// The organisation's anchor questions (issue 16): every decision answers them. An organisation that
// never edited its list has no rows and asks DEFAULT_ANCHOR_QUESTIONS; the first save writes the
// list as rows. Rewording, reordering or archiving a question never touches a decision already
// recorded: each DecisionAnswer keeps the question's text as it was asked.

type Reader = Pick<Prisma.TransactionClient, "anchorQuestion">;

/** The questions a new decision asks, in order (the defaults when the organisation has none). */
export async function currentAnchorQuestions(orgId: string, client: Reader = db()): Promise<AnchorQuestionDto[]> {
  const rows = await client.anchorQuestion.findMany({
    where: { organizationId: orgId, archivedAt: null },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, text: true },
  });
  return rows.length ? rows : DEFAULT_ANCHOR_QUESTIONS.map((text) => ({ id: null, text }));
}

/** The list as the settings page edits it, with the stamp a save must match. */
export async function anchorQuestionList(ctx: MemberContext): Promise<AnchorListDto> {
  await authorize(ctx, "anchors.manage");
  const questions = await currentAnchorQuestions(ctx.orgId);
  return { questions, stamp: anchorListStamp(questions), isDefault: questions[0]?.id === null };
}

export class AnchorListConflictError extends RuleError {
  constructor() {
    super(
      "Another admin changed the anchor questions since you opened this page. Reload it to see their list, then make your change again.",
    );
  }
}

/**
 * Saves the admin's list as shown (add, reword, reorder; a question left out is archived). The
 * organisation row is locked for the check and the write, and the list must still be the one the
 * admin loaded (its stamp): two admins saving at once get one success and one conflict.
 */
export async function saveAnchorQuestions(ctx: MemberContext, input: AnchorQuestionsInput, now = new Date()) {
  await authorize(ctx, "anchors.manage");
  const problem = anchorListProblem(input.texts);
  if (problem) throw new RuleError(problem, "texts");
  return db().$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${ctx.orgId} FOR UPDATE`;
    const current = await currentAnchorQuestions(ctx.orgId, tx);
    if (anchorListStamp(current) !== input.stamp) throw new AnchorListConflictError();
    const known = new Map(current.flatMap((q) => (q.id ? [[q.id, q.text] as const] : [])));
    const kept = input.ids.filter((id) => id !== "new");
    if (kept.some((id) => !known.has(id)) || new Set(kept).size !== kept.length) throw new AnchorListConflictError();
    let added = 0;
    let reworded = 0;
    for (const [position, id] of input.ids.entries()) {
      const text = input.texts[position]!;
      if (id === "new") {
        await tx.anchorQuestion.create({ data: { organizationId: ctx.orgId, text, position } });
        added++;
      } else {
        if (known.get(id) !== text) reworded++;
        await tx.anchorQuestion.updateMany({ where: { id, organizationId: ctx.orgId }, data: { text, position } });
      }
    }
    const archived = [...known.keys()].filter((id) => !kept.includes(id));
    if (archived.length)
      await tx.anchorQuestion.updateMany({
        where: { id: { in: archived }, organizationId: ctx.orgId },
        data: { archivedAt: now },
      });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "anchors.update",
        targetType: "Organization",
        targetId: ctx.orgId,
        outcome: "ok",
        details: { added, reworded, archived: archived.length, questions: input.texts.length },
      },
      tx,
    );
    return anchorListStamp(await currentAnchorQuestions(ctx.orgId, tx));
  });
}
