import { requireMemberPage } from "@/lib/server/context";
import { actionForEdit, actionOptions } from "@/lib/server/data/actions";
import { orNotFound } from "@/lib/server/pages";
import { ActionForm } from "@/components/actions/action-form";
import { PageHeader } from "@/components/ui/page-header";

export const metadata = { title: "Edit action" };

export default async function EditActionPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireMemberPage("actions.manage");
  const { id } = await params;
  const [a, options] = await Promise.all([orNotFound(actionForEdit(ctx, id)), actionOptions(ctx)]);
  return (
    <>
      <PageHeader title={`Edit: ${a.title}`} />
      <ActionForm mode="edit" id={id} version={a.version} initial={a.values} options={options} />
    </>
  );
}
