"use server";
import { revalidatePath } from "next/cache";
import { RetentionPolicyInput } from "@/lib/schemas/retention";
import { formAction } from "@/lib/server/action";
import { setRetentionPolicy } from "@/lib/server/data/retention";

/** How long named observations, notes and audit events are kept (docs/decisions/035). */
export const setRetentionPolicyAction = formAction({
  schema: RetentionPolicyInput,
  permission: "members.manage",
  run: (ctx, input) => setRetentionPolicy(ctx, input),
  after: () => revalidatePath("/settings/privacy"),
});
