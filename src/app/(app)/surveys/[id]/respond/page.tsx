import { requireMemberPage } from "@/lib/server/context";
import { getSurvey, hasResponded } from "@/lib/server/data/surveys";
import { orNotFound } from "@/lib/server/pages";
import { can } from "@/lib/domain/roles";
import { PageHeader } from "@/components/ui/page-header";
import { ResponseForm } from "@/components/surveys/response-form";
import { TextLink } from "@/components/ui/text-link";
import { formatDay } from "@/lib/domain/dates";

export const metadata = { title: "Answer a survey" };

// The shareable link: any signed-in member of the organisation can answer, once.
export default async function RespondPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ thanks?: string }>;
}) {
  const { id } = await params;
  const { thanks } = await searchParams;
  const ctx = await requireMemberPage("surveys.respond");
  const [survey, answered] = await Promise.all([orNotFound(getSurvey(ctx, id)), hasResponded(ctx, id)]);
  const back = can(ctx.role, "barriers.manage", ctx.policy) ? `/surveys/${id}` : "/surveys";
  return (
    <>
      <TextLink href={back} className="text-sm">
        ← {can(ctx.role, "barriers.manage", ctx.policy) ? "Results" : "Surveys"}
      </TextLink>
      <PageHeader
        title={survey.title}
        description={`About: ${survey.behaviour.sentence} ${survey.anonymous ? "Your answers are stored without your name." : "Your name is stored with your answers."} There are no right answers: what gets in the way is what we want to learn.`}
      />
      {thanks || answered ? (
        <p
          role="status"
          className="rounded-md bg-emerald-50 p-3 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        >
          Thank you: your answers are in. Each person answers once.
        </p>
      ) : survey.closed ? (
        <p role="status">
          {survey.status === "OPEN" && survey.closesOn
            ? `This survey closed on ${formatDay(survey.closesOn)}.`
            : "This survey is closed."}
        </p>
      ) : (
        <ResponseForm surveyId={id} questions={survey.questions} />
      )}
    </>
  );
}
