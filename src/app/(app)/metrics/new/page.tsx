import { requireMemberPage } from "@/lib/server/context";
import { metricOptions } from "@/lib/server/data/metrics";
import { PageHeader } from "@/components/ui/page-header";
import { MetricForm } from "@/components/metrics/metric-form";

export const metadata = { title: "New metric" };

export default async function NewMetricPage() {
  const ctx = await requireMemberPage("metrics.manage");
  return (
    <>
      <PageHeader
        title="New metric"
        description="Prefer what customers get over what we do: a customer outcome, with an owner and a target."
      />
      <MetricForm mode="create" options={await metricOptions(ctx)} />
    </>
  );
}
