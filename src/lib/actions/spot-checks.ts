"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { SpotCheckIdInput, SpotCheckInput } from "@/lib/schemas/spot-checks";
import { formAction } from "@/lib/server/action";
import { cancelSpotCheck, requestSpotCheck } from "@/lib/server/data/spot-checks";

/** Leaders and admins for any team, a manager for a team they are in: the data layer decides. */
export const requestSpotCheckAction = formAction({
  schema: SpotCheckInput,
  permission: null,
  run: (ctx, input) => requestSpotCheck(ctx, input),
  after: (id) => {
    revalidatePath("/spot-checks");
    redirect(`/spot-checks/${id}`);
  },
});

export const cancelSpotCheckAction = formAction({
  schema: SpotCheckIdInput,
  permission: null,
  invalid: { formError: "Choose a spot check." },
  notFound: "That spot check no longer exists.",
  run: (ctx, { id }) => cancelSpotCheck(ctx, id),
  after: (_, { id }) => revalidatePath(`/spot-checks/${id}`),
});
