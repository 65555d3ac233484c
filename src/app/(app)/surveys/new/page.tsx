import { requireMemberPage } from "@/lib/server/context";
import { surveyBehaviours } from "@/lib/server/data/surveys";
import { PageHeader } from "@/components/ui/page-header";
import { SurveyBuilder } from "@/components/surveys/survey-builder";
import { currentDay } from "@/lib/domain/dates";

export const metadata = { title: "New survey" };

export default async function NewSurveyPage() {
  const ctx = await requireMemberPage("barriers.manage");
  return (
    <>
      <PageHeader
        title="New doer / non-doer survey"
        description="Screening questions classify each respondent as a doer, a non-doer or excluded; then ask about the determinants you suspect. Each response becomes a row of the tabulation."
      />
      <SurveyBuilder behaviours={await surveyBehaviours(ctx)} today={currentDay(ctx.timeZone)} />
    </>
  );
}
