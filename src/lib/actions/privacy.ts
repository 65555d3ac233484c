"use server";
import { revalidatePath } from "next/cache";
import { MinGroupSizeInput, RetentionPolicyInput } from "@/lib/schemas/retention";
import { formAction } from "@/lib/server/action";
import { setRetentionPolicy } from "@/lib/server/data/retention";
import { setMinGroupSize } from "@/lib/server/data/group-size";

/** How long named observations, notes and audit events are kept (docs/decisions/035). */
export const setRetentionPolicyAction = formAction({
  schema: RetentionPolicyInput,
  permission: "members.manage",
  run: (ctx, input) => setRetentionPolicy(ctx, input),
  after: () => revalidatePath("/settings/privacy"),
});

/** The smallest group that shows figures (docs/decisions/039). */
export const setMinGroupSizeAction = formAction({
  schema: MinGroupSizeInput,
  permission: "members.manage",
  run: (ctx, input) => setMinGroupSize(ctx, input.minGroupSize),
  after: () => revalidatePath("/settings/privacy"),
});
