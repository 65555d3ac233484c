import { requireMemberPage } from "@/lib/server/context";
import { PageHeader } from "@/components/ui/page-header";
import { ReadingImportForm } from "@/components/metrics/reading-import-form";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Import readings" };

export default async function ReadingImportPage() {
  await requireMemberPage("metrics.manage");
  return (
    <>
      <TextLink href="/metrics" className="text-sm">
        ← Metrics
      </TextLink>
      <PageHeader
        title="Import readings"
        description="One row per reading: date (YYYY-MM-DD, not in the future), metric (its name), team (empty for the whole organisation), value (a point for decimals, e.g. 12.5). A row for a metric, team and day that already has a reading replaces it. Every row is checked first; nothing is written unless all rows are fine."
      />
      <ReadingImportForm />
    </>
  );
}
