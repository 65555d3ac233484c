import { notFound } from "next/navigation";
import { requireMemberPage } from "@/lib/server/context";
import { behaviourForEdit, editorOptions } from "@/lib/server/data/behaviour-editor";
import { orNotFound } from "@/lib/server/pages";
import { PageHeader } from "@/components/ui/page-header";
import { BehaviourEditor } from "@/components/catalogue/behaviour-editor";

export const metadata = { title: "Edit behaviour" };

export default async function EditBehaviourPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireMemberPage("catalogue.edit");
  const [b, options] = await Promise.all([orNotFound(behaviourForEdit(ctx, id)), editorOptions(ctx)]);
  if (b.status === "RETIRED") notFound();
  return (
    <>
      <PageHeader
        title={`Edit: ${b.values.title}`}
        description={`Saving creates version ${b.version + 1}; every version stays in the history and can be restored.`}
      />
      <BehaviourEditor mode="edit" id={id} version={b.version} initial={b.values} options={options} />
    </>
  );
}
