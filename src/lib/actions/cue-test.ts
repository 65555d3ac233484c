"use server";
import { SendCueTestInput } from "@/lib/schemas/cues";
import { formAction } from "@/lib/server/action";
import { sendCueTest } from "@/lib/server/notify/cue-test";

export const sendCueTestAction = formAction({
  schema: SendCueTestInput,
  permission: "catalogue.edit",
  run: (ctx, { id }) => sendCueTest(ctx, id),
});
