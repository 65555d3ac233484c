import { requireMemberPage } from "@/lib/server/context";
import { barrierForEdit, barrierOptions } from "@/lib/server/data/barriers";
import { orNotFound } from "@/lib/server/pages";
import { PageHeader } from "@/components/ui/page-header";
import { BarrierForm } from "@/components/barriers/barrier-form";

export const metadata = { title: "Edit barrier" };

export default async function EditBarrierPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string }>;
}) {
  const { id } = await params;
  const { from } = await searchParams;
  const ctx = await requireMemberPage("barriers.manage");
  const [b, options] = await Promise.all([orNotFound(barrierForEdit(ctx, id)), barrierOptions(ctx)]);
  return (
    <>
      <PageHeader
        title={`Edit: ${b.title}`}
        description={
          from === "survey"
            ? "Made from a survey finding, with its statistics as evidence. Check the classification, name the teams it applies to, and score it to place it in the priority list."
            : undefined
        }
      />
      <BarrierForm mode="edit" id={id} version={b.version} initial={b.values} options={options} canScore />
    </>
  );
}
