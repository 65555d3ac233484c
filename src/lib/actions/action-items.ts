"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ActionInput, ActionUpdateInput, CloseActionInput, ReopenActionInput } from "@/lib/schemas/actions";
import { formAction } from "@/lib/server/action";
import { closeAction, createAction, reopenAction, updateAction } from "@/lib/server/data/actions";

// Actions (issue 16), named ActionItem so they are not confused with server actions. Who may create
// or close one is decided in the data layer (src/lib/server/data/actions.ts): a meeting's
// participants create its actions, an owner closes their own.

export const createActionItemAction = formAction({
  schema: ActionInput,
  permission: null,
  run: (ctx, input) => createAction(ctx, input),
  after: (id, input) => {
    revalidatePath("/actions");
    revalidatePath("/dashboards", "layout");
    // Recorded during a meeting, the form stays on the meeting's page (the lead's rituals pages).
    if (input.occurrenceId) revalidatePath("/rituals", "layout");
    else redirect(`/actions/${id}`);
  },
});

export const updateActionItemAction = formAction({
  schema: ActionUpdateInput,
  permission: "actions.manage",
  run: (ctx, input) => updateAction(ctx, input),
  after: (_, { id }) => {
    revalidatePath("/actions", "layout");
    revalidatePath("/dashboards", "layout");
    redirect(`/actions/${id}`);
  },
});

export const closeActionItemAction = formAction({
  schema: CloseActionInput,
  permission: null,
  run: (ctx, input) => closeAction(ctx, input),
  after: () => {
    revalidatePath("/actions", "layout");
    revalidatePath("/dashboards", "layout");
    revalidatePath("/rituals", "layout");
  },
});

export const reopenActionItemAction = formAction({
  schema: ReopenActionInput,
  permission: null,
  run: (ctx, { id, version }) => reopenAction(ctx, id, version),
  after: () => {
    revalidatePath("/actions", "layout");
    revalidatePath("/dashboards", "layout");
    revalidatePath("/rituals", "layout");
  },
});
