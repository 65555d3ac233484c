import { requireMemberPage } from "@/lib/server/context";
import { editorOptions } from "@/lib/server/data/behaviour-editor";
import { PageHeader } from "@/components/ui/page-header";
import { BehaviourEditor } from "@/components/catalogue/behaviour-editor";

export const metadata = { title: "New behaviour" };

export default async function NewBehaviourPage() {
  const ctx = await requireMemberPage("catalogue.edit");
  const options = await editorOptions(ctx);
  return (
    <>
      <PageHeader
        title="New behaviour"
        description="Describe something a person does that an outsider watching a video could confirm. It starts as a draft; a colleague runs the video test before it becomes active."
      />
      <BehaviourEditor mode="create" options={options} />
    </>
  );
}
