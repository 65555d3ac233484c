import { requireMemberPage } from "@/lib/server/context";
import { PageHeader } from "@/components/ui/page-header";
import { ImportForm } from "@/components/catalogue/import-form";
import { CSV_COLUMNS } from "@/lib/domain/catalogue-transfer";
import { linkClass } from "@/components/ui/text-link";

export const metadata = { title: "Import and export" };

export default async function TransferPage() {
  await requireMemberPage("catalogue.edit");
  return (
    <>
      <PageHeader
        title="Import and export the catalogue"
        description="Move a catalogue between organisations, or edit it in a spreadsheet. Imported behaviours arrive as drafts: each one needs a human video test here before it can be observed."
      />
      <section className="mb-8 space-y-2">
        <h2 className="text-lg font-semibold">Export</h2>
        <p className="text-sm">
          <a href="/catalogue/export?format=csv" className={`${linkClass} font-medium`} download>
            Download CSV
          </a>{" "}
          ·{" "}
          <a href="/catalogue/export?format=json" className={`${linkClass} font-medium`} download>
            Download JSON
          </a>
        </p>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          CSV columns: {CSV_COLUMNS.join(", ")}. Decision questions are one per line inside the anchors cell.
        </p>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Import</h2>
        <ImportForm />
      </section>
    </>
  );
}
