"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { BarrierFromNotesInput, CiteBarrierInput } from "@/lib/schemas/barrier-citations";
import { formObjectWithLists } from "@/lib/schemas/action-result";
import { callAction, formAction } from "@/lib/server/action";
import { barrierFromNotes, citeBarrier } from "@/lib/server/data/barrier-citations";

/**
 * "What got in the way?" after a Missed tap: a second, optional request that updates the entry
 * just saved (the Missed tap stays one request, saved at once). Setting the same value again is
 * the same result, so a retry is safe. No revalidatePath, like the tap itself.
 */
export const citeBarrierAction = callAction({
  schema: CiteBarrierInput,
  permission: "observations.log",
  invalid: { formError: "That could not be saved: check what you wrote.", fields: true },
  notFound: "That entry can no longer be changed, or the barrier is no longer offered for it.",
  run: (ctx, input) => citeBarrier(ctx, input),
});

export const barrierFromNotesAction = formAction({
  schema: BarrierFromNotesInput,
  permission: "barriers.manage",
  read: (form) => formObjectWithLists(form, ["observationIds"]),
  notFound: "Some of these texts are gone (deleted, or no longer waiting). Reload the page.",
  run: (ctx, input) => barrierFromNotes(ctx, input),
  after: (id) => {
    revalidatePath("/barriers", "layout");
    redirect(`/barriers/${id}`);
  },
});
