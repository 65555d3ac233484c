import { requireMemberPage } from "@/lib/server/context";
import { barrierOptions } from "@/lib/server/data/barriers";
import { can } from "@/lib/domain/roles";
import { PageHeader } from "@/components/ui/page-header";
import { BarrierForm } from "@/components/barriers/barrier-form";

export const metadata = { title: "New barrier" };

export default async function NewBarrierPage() {
  const ctx = await requireMemberPage("barriers.propose");
  const canScore = can(ctx.role, "barriers.manage", ctx.policy);
  return (
    <>
      <PageHeader
        title={canScore ? "Record a barrier" : "Propose a barrier"}
        description="Describe what stops people doing a behaviour, as they experience it, and classify it twice: by COM-B component and by Barrier Analysis determinant."
      />
      <BarrierForm mode="create" options={await barrierOptions(ctx)} canScore={canScore} />
    </>
  );
}
