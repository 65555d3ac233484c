"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  BarrierFromFeedbackInput,
  FEEDBACK_LISTS,
  FeedbackIdInput,
  FeedbackInput,
  FeedbackStoryInput,
  FeedbackUpdateInput,
} from "@/lib/schemas/feedback";
import { ImportInput } from "@/lib/schemas/transfer";
import { formObjectWithLists } from "@/lib/schemas/action-result";
import { formAction } from "@/lib/server/action";
import { createFeedback, deleteFeedback, setFeedbackStory, updateFeedback } from "@/lib/server/data/feedback";
import { commitFeedbackImport, previewFeedbackImport } from "@/lib/server/data/feedback-transfer";
import { createBarrierFromFeedback } from "@/lib/server/data/feedback-evidence";

const withLists = (form: FormData) => formObjectWithLists(form, FEEDBACK_LISTS);
const LINK_GONE = "A behaviour, barrier, metric or team you linked no longer exists. Reload the page and choose again.";

export const createFeedbackAction = formAction({
  schema: FeedbackInput,
  permission: "feedback.record",
  read: withLists,
  notFound: LINK_GONE,
  run: (ctx, input) => createFeedback(ctx, input),
  after: (id, { occurrenceId }) => {
    revalidatePath("/feedback");
    if (!occurrenceId) redirect(`/feedback/${id}`);
  },
});

export const updateFeedbackAction = formAction({
  schema: FeedbackUpdateInput,
  permission: "feedback.record",
  read: withLists,
  notFound: LINK_GONE,
  run: (ctx, { id, version, ...input }) => updateFeedback(ctx, id, version, input),
  after: (_, { id }) => {
    revalidatePath("/feedback", "layout");
    redirect(`/feedback/${id}`);
  },
});

export const deleteFeedbackAction = formAction({
  schema: FeedbackIdInput,
  permission: "feedback.record",
  run: (ctx, { id }) => deleteFeedback(ctx, id),
  after: () => {
    revalidatePath("/feedback", "layout");
    redirect("/feedback?deleted=1");
  },
});

export const markFeedbackStoryAction = formAction({
  schema: FeedbackStoryInput,
  permission: "feedback.record",
  run: (ctx, { id, isStory }) => setFeedbackStory(ctx, id, isStory),
  after: () => {
    revalidatePath("/feedback", "layout");
    revalidatePath("/dashboards/standup");
  },
});

export const previewFeedbackImportAction = formAction({
  schema: ImportInput,
  permission: "feedback.manage",
  run: (ctx, { content }) => previewFeedbackImport(ctx, content),
});

export const commitFeedbackImportAction = formAction({
  schema: ImportInput,
  permission: "feedback.manage",
  run: (ctx, { content }) => commitFeedbackImport(ctx, content),
  after: () => {
    revalidatePath("/feedback");
    redirect("/feedback?imported=1");
  },
});

export const barrierFromFeedbackAction = formAction({
  schema: BarrierFromFeedbackInput,
  permission: "barriers.manage",
  read: (form) => formObjectWithLists(form, ["behaviourIds", "teamIds", "feedbackIds"]),
  notFound: "That feedback no longer exists. Reload the page and try again.",
  run: (ctx, { feedbackIds, occurrenceId, ...input }) =>
    createBarrierFromFeedback(ctx, feedbackIds, input, { occurrenceId }),
  after: (id) => {
    revalidatePath("/barriers");
    revalidatePath("/feedback", "layout");
    redirect(`/barriers/${id}`);
  },
});
