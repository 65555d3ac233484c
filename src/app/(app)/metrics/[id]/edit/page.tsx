import { requireMemberPage } from "@/lib/server/context";
import { metricOptions } from "@/lib/server/data/metrics";
import { metricForEdit } from "@/lib/server/data/metric-editor";
import { orNotFound } from "@/lib/server/pages";
import { PageHeader } from "@/components/ui/page-header";
import { MetricForm } from "@/components/metrics/metric-form";

export const metadata = { title: "Edit metric" };

export default async function EditMetricPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireMemberPage("metrics.manage");
  const [m, options] = await Promise.all([orNotFound(metricForEdit(ctx, id)), metricOptions(ctx)]);
  return (
    <>
      <PageHeader title={`Edit: ${m.name}`} />
      <MetricForm mode="edit" id={id} version={m.version} initial={m.values} options={options} />
    </>
  );
}
