import { requireMemberPage } from "@/lib/server/context";
import { PageHeader } from "@/components/ui/page-header";
import { ObservationImportForm } from "@/components/log/observation-import-form";

export const metadata = { title: "Import observations" };

export default async function ObservationImportPage() {
  await requireMemberPage("observations.import");
  return (
    <>
      <PageHeader
        title="Import observations"
        description="Bring counts in from other tools. Team and behaviour are matched by name among your organisation's teams and active behaviours. Every row is checked first; nothing is written unless all rows are fine."
      />
      <ObservationImportForm />
    </>
  );
}
