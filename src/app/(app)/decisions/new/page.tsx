import { requireMemberPage } from "@/lib/server/context";
import { decisionFormOptions } from "@/lib/server/data/decisions";
import { optionalId } from "@/lib/schemas/text";
import { DecisionForm } from "@/components/decisions/decision-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Record a decision" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// ?behaviour=… preselects the behaviour (its own questions are added); ?occurrence=… records it
// as decided in that meeting (the server checks the meeting is this organisation's).
export default async function NewDecisionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage("decisions.record");
  const sp = await searchParams;
  const options = await decisionFormOptions(ctx);
  const behaviour = optionalId.parse(first(sp.behaviour));
  const occurrence = optionalId.parse(first(sp.occurrence));
  return (
    <>
      <PageHeader
        title="Record a decision"
        description="Say what was decided and answer the anchor questions. Until every question has an answer, it is kept as a draft."
      />
      <DecisionForm
        mode="create"
        options={options}
        behaviourId={behaviour && options.behaviours.some((b) => b.id === behaviour) ? behaviour : undefined}
        occurrenceId={occurrence}
      />
    </>
  );
}
