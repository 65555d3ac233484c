"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  BehaviourIdInput,
  BehaviourInput,
  BehaviourUpdateInput,
  RestoreVersionInput,
  ValueInput,
  VideoTestInput,
} from "@/lib/schemas/behaviour";
import { CreateVariantInput } from "@/lib/schemas/variants";
import { formAction } from "@/lib/server/action";
import { createBehaviour, createValue, restoreVersion, updateBehaviour } from "@/lib/server/data/behaviour-editor";
import { changeStatus, recordVideoTest, submitForReview } from "@/lib/server/data/behaviour-review";
import { createVariant } from "@/lib/server/data/behaviour-variants";

const revalidateCatalogue = () => revalidatePath("/catalogue", "layout");

export const createBehaviourAction = formAction({
  schema: BehaviourInput,
  permission: "catalogue.edit",
  run: (ctx, input) => createBehaviour(ctx, input),
  after: (id) => {
    revalidatePath("/catalogue");
    redirect(`/catalogue/${id}`);
  },
});

export const updateBehaviourAction = formAction({
  schema: BehaviourUpdateInput,
  permission: "catalogue.edit",
  run: (ctx, { id, version, ...input }) => updateBehaviour(ctx, id, version, input),
  after: (_, { id }) => {
    revalidateCatalogue();
    redirect(`/catalogue/${id}`);
  },
});

const chooseBehaviour = { formError: "Choose a behaviour." };

export const submitForReviewAction = formAction({
  schema: BehaviourIdInput,
  permission: "catalogue.edit",
  invalid: chooseBehaviour,
  run: (ctx, { behaviourId }) => submitForReview(ctx, behaviourId),
  after: revalidateCatalogue,
});

export const withdrawAction = formAction({
  schema: BehaviourIdInput,
  permission: "catalogue.edit",
  invalid: chooseBehaviour,
  run: (ctx, { behaviourId }) => changeStatus(ctx, behaviourId, "DRAFT"),
  after: revalidateCatalogue,
});

export const retireAction = formAction({
  schema: BehaviourIdInput,
  permission: "catalogue.edit",
  invalid: chooseBehaviour,
  run: (ctx, { behaviourId }) => changeStatus(ctx, behaviourId, "RETIRED"),
  after: revalidateCatalogue,
});

export const videoTestAction = formAction({
  schema: VideoTestInput,
  permission: "catalogue.review",
  run: async (ctx, input) => ({ status: await recordVideoTest(ctx, input) }),
  after: revalidateCatalogue,
});

export const restoreVersionAction = formAction({
  schema: RestoreVersionInput,
  permission: "catalogue.edit",
  invalid: { formError: "Choose a version to restore." },
  run: async (ctx, { behaviourId, restore, version }) => ({
    version: await restoreVersion(ctx, behaviourId, restore, version),
  }),
  after: revalidateCatalogue,
});

export const createValueAction = formAction({
  schema: ValueInput,
  permission: "catalogue.edit",
  run: async (ctx, input) => ({ id: await createValue(ctx, input) }),
  after: () => revalidatePath("/catalogue"),
});

/** Any member may ask; the data layer lets leaders adapt any behaviour and managers their own teams'. */
export const createVariantAction = formAction({
  schema: CreateVariantInput,
  permission: null,
  run: async (ctx, { behaviourId, ...input }) => ({ id: await createVariant(ctx, behaviourId, input) }),
  after: (_, { behaviourId }) => revalidatePath(`/catalogue/${behaviourId}`),
});
