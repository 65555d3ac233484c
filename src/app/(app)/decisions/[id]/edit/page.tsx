import { requireMemberPage } from "@/lib/server/context";
import { decisionFormOptions, getDecision } from "@/lib/server/data/decisions";
import { orNotFound } from "@/lib/server/pages";
import { DecisionForm } from "@/components/decisions/decision-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Edit decision" };

export default async function EditDecisionPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireMemberPage("decisions.record");
  const { id } = await params;
  const [d, options] = await Promise.all([orNotFound(getDecision(ctx, id)), decisionFormOptions(ctx)]);
  return (
    <>
      <PageHeader
        title={d.status === "DRAFT" ? "Finish the draft" : `Edit: ${d.title}`}
        description="The questions are the ones asked when it was first saved. A decision stays decided only while every question is answered."
      />
      <DecisionForm
        mode="edit"
        options={options}
        decision={{
          id: d.id,
          version: d.version,
          title: d.title,
          detail: d.detail,
          teamId: d.teamId ?? "",
          behaviourName: d.behaviourTitle,
          questions: d.answers.map((a) => a.question),
          answers: d.answers.map((a) => a.answer),
        }}
      />
    </>
  );
}
