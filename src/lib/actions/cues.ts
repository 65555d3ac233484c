"use server";
import { revalidatePath } from "next/cache";
import { CueInput, DeleteCueInput, UpdateCueInput } from "@/lib/schemas/cues";
import { formObjectWithLists } from "@/lib/schemas/action-result";
import { formAction } from "@/lib/server/action";
import { createCue, deleteCue, updateCue } from "@/lib/server/data/cues";

// Behaviour cues (issue 17): prompts at the moment of action, edited on the behaviour's page.

const withDays = (form: FormData) => formObjectWithLists(form, ["weekdays"]);

export const createCueAction = formAction({
  schema: CueInput,
  permission: "catalogue.edit",
  read: withDays,
  run: async (ctx, input) => {
    await createCue(ctx, input);
  },
  after: (_, input) => revalidatePath(`/catalogue/${input.behaviourId}`),
});

export const updateCueAction = formAction({
  schema: UpdateCueInput,
  permission: "catalogue.edit",
  read: withDays,
  run: (ctx, input) => updateCue(ctx, input),
  after: (_, input) => revalidatePath(`/catalogue/${input.behaviourId}`),
});

export const deleteCueAction = formAction({
  schema: DeleteCueInput,
  permission: "catalogue.edit",
  run: (ctx, { id }) => deleteCue(ctx, id),
  after: (behaviourId) => revalidatePath(`/catalogue/${behaviourId}`),
});
