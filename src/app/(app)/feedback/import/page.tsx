import { requireMemberPage } from "@/lib/server/context";
import { PageHeader } from "@/components/ui/page-header";
import { FeedbackImportForm } from "@/components/feedback/feedback-import-form";
import { MAX_FEEDBACK_ROWS } from "@/lib/domain/feedback";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Import feedback" };

export default async function FeedbackImportPage() {
  await requireMemberPage("feedback.manage");
  return (
    <>
      <PageHeader
        title="Import feedback"
        description={`Bring in what customers said from support tools, interview notes or surveys: up to ${MAX_FEEDBACK_ROWS.toLocaleString("en")} rows per file. Every row is checked first; nothing is written unless all rows are fine, and the same file is not imported twice.`}
      />
      <div className="mb-4 max-w-3xl space-y-1 text-sm">
        <p>
          Columns: <code>quote</code>, <code>source</code> (support ticket, interview, survey, review, sales call,
          other), <code>date</code> (YYYY-MM-DD), <code>customer</code> (optional), <code>sentiment</code> (positive,
          negative or mixed), and optionally <code>behaviour</code>, <code>barrier</code>, <code>metric</code>,{" "}
          <code>team</code> by title or name (several separated by “;”).
        </p>
        <p>
          <TextLink href="/feedback">Back to the feedback</TextLink>
        </p>
      </div>
      <FeedbackImportForm />
    </>
  );
}
