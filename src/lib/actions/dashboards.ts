"use server";
import { revalidatePath } from "next/cache";
import { CustomerStoryInput } from "@/lib/schemas/dashboards";
import { formAction } from "@/lib/server/action";
import { saveCustomerStory } from "@/lib/server/data/customer-stories";

export const saveCustomerStoryAction = formAction({
  schema: CustomerStoryInput,
  permission: "dashboards.view",
  run: async (ctx, input) => void (await saveCustomerStory(ctx, input)),
  after: () => revalidatePath("/dashboards/standup"),
});
