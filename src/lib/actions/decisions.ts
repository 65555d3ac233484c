"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formObjectWithLists } from "@/lib/schemas/action-result";
import { AnchorQuestionsInput, DecisionInput, DecisionUpdateInput, type SavedDecision } from "@/lib/schemas/decisions";
import { formAction } from "@/lib/server/action";
import { createDecision, updateDecision } from "@/lib/server/data/decisions";
import { saveAnchorQuestions } from "@/lib/server/data/anchor-questions";

const withAnswers = (form: FormData) => formObjectWithLists(form, ["questions", "answers"]);

/** A decided decision opens its page; a draft stays in the form, which shows what is unanswered. */
const afterSave = (saved: SavedDecision, embedded: boolean) => {
  revalidatePath("/decisions", "layout");
  if (embedded) revalidatePath("/rituals", "layout");
  else if (saved.status === "DECIDED") redirect(`/decisions/${saved.id}`);
};

export const createDecisionAction = formAction({
  schema: DecisionInput,
  permission: "decisions.record",
  read: withAnswers,
  run: (ctx, input) => createDecision(ctx, input),
  after: (saved, input) => afterSave(saved, input.occurrenceId !== null),
});

export const updateDecisionAction = formAction({
  schema: DecisionUpdateInput,
  permission: "decisions.record",
  read: withAnswers,
  run: (ctx, input) => updateDecision(ctx, input),
  after: (saved, input) => afterSave(saved, input.from === "meeting"),
});

export const saveAnchorQuestionsAction = formAction({
  schema: AnchorQuestionsInput,
  permission: "anchors.manage",
  read: (form) => formObjectWithLists(form, ["ids", "texts"]),
  run: (ctx, input) => saveAnchorQuestions(ctx, input),
  after: () => {
    revalidatePath("/settings", "layout");
    revalidatePath("/decisions", "layout");
  },
});
