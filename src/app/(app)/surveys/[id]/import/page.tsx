import { requireMemberPage } from "@/lib/server/context";
import { getSurvey } from "@/lib/server/data/surveys";
import { orNotFound } from "@/lib/server/pages";
import { PageHeader } from "@/components/ui/page-header";
import { SurveyImportForm } from "@/components/surveys/survey-import-form";
import { TextLink } from "@/components/ui/text-link";
import { surveyCsvHeader } from "@/lib/domain/survey-csv";

export const metadata = { title: "Import responses" };

export default async function SurveyImportPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireMemberPage("barriers.manage");
  const survey = await orNotFound(getSurvey(ctx, id));
  return (
    <>
      <TextLink href={`/surveys/${id}`} className="text-sm">
        ← {survey.title}
      </TextLink>
      <PageHeader
        title="Import responses"
        description="One row per respondent: respondent,group (doer, non-doer or excluded; empty to classify by the screening answers), then one column per question headed by its text. Several responses in a cell are separated by “;”; an empty cell is no answer. All rows are imported, or none."
      />
      <details className="mb-4 text-sm">
        <summary className="cursor-pointer">The columns this survey expects</summary>
        <code className="mt-2 block overflow-x-auto whitespace-pre rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">
          {surveyCsvHeader(survey.questions)}
        </code>
      </details>
      <SurveyImportForm surveyId={id} />
    </>
  );
}
