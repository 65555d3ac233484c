"use server";
import { revalidatePath } from "next/cache";
import { VideoTestTermInput, VideoTestTermRefInput } from "@/lib/schemas/video-test-terms";
import { formAction } from "@/lib/server/action";
import { addVideoTestTerm, removeVideoTestTerm } from "@/lib/server/data/video-test-terms";

const revalidateTerms = () => revalidatePath("/settings/video-test");

export const addVideoTestTermAction = formAction({
  schema: VideoTestTermInput,
  permission: "videoTest.terms",
  run: (ctx, input) => addVideoTestTerm(ctx, input),
  after: revalidateTerms,
});

export const removeVideoTestTermAction = formAction({
  schema: VideoTestTermRefInput,
  permission: "videoTest.terms",
  run: (ctx, { termId }) => removeVideoTestTerm(ctx, termId),
  after: revalidateTerms,
});
