import { requireMemberPage } from "@/lib/server/context";
import { interventionFormContext } from "@/lib/server/data/interventions";
import { orNotFound } from "@/lib/server/pages";
import { COMB_LABELS } from "@/lib/domain/labels";
import { currentDay } from "@/lib/domain/dates";
import { PageHeader } from "@/components/ui/page-header";
import { InterventionForm } from "@/components/barriers/intervention-form";

export const metadata = { title: "Plan an intervention" };

export default async function NewInterventionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireMemberPage("barriers.manage");
  const form = await orNotFound(interventionFormContext(ctx, id));
  return (
    <>
      <PageHeader
        title="Plan an intervention"
        description={`Against “${form.barrier.title}” (${COMB_LABELS[form.barrier.comB]}). Its before/after adoption is the evidence that later lets you mark the barrier removed.`}
      />
      <InterventionForm {...form} today={currentDay(ctx.timeZone)} />
    </>
  );
}
