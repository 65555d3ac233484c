import { requireMemberPage } from "@/lib/server/context";
import { feedbackOptions } from "@/lib/server/data/feedback";
import { currentDay } from "@/lib/domain/dates";
import { PageHeader } from "@/components/ui/page-header";
import { FeedbackForm } from "@/components/feedback/feedback-form";

export const metadata = { title: "Record feedback" };

export default async function NewFeedbackPage() {
  const ctx = await requireMemberPage("feedback.record");
  return (
    <>
      <PageHeader
        title="Record what a customer said"
        description="Write down the customer's own words, not a summary: verbatim words keep the brutal facts in view."
      />
      <FeedbackForm mode="create" options={await feedbackOptions(ctx)} today={currentDay(ctx.timeZone)} />
    </>
  );
}
