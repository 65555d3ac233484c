"use server";
import { revalidatePath } from "next/cache";
import { RetryJobInput } from "@/lib/schemas/jobs";
import { formAction } from "@/lib/server/action";
import { retryJob } from "@/lib/server/data/jobs";

export const retryJobAction = formAction({
  schema: RetryJobInput,
  permission: "jobs.manage",
  invalid: { formError: "That job cannot be retried." },
  run: (ctx, { jobId }) => retryJob(ctx, jobId),
  after: () => revalidatePath("/settings/jobs"),
});
