"use server";
import { revalidatePath } from "next/cache";
import { GiveRecognitionInput, RecognitionIdInput } from "@/lib/schemas/recognition";
import { formAction } from "@/lib/server/action";
import { giveRecognition, removeRecognition } from "@/lib/server/data/recognition";

// The feed, the team pages and the standup show recognitions: all of them are revalidated.
const refresh = () => revalidatePath("/", "layout");

export const giveRecognitionAction = formAction({
  schema: GiveRecognitionInput,
  permission: "recognition.give",
  notFound: "That person, team, behaviour or observation is not available any more. Reload the page and choose again.",
  run: (ctx, input) => giveRecognition(ctx, input),
  after: refresh,
});

export const removeRecognitionAction = formAction({
  schema: RecognitionIdInput,
  // Any member: the data layer lets the giver take it back within the hour, and feedback.manage remove any.
  permission: null,
  notFound: "That recognition was already removed.",
  run: (ctx, { id }) => removeRecognition(ctx, id),
  after: refresh,
});
