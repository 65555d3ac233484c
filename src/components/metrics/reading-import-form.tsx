"use client";
import { commitReadingImportAction, previewReadingImportAction } from "@/lib/actions/metrics";
import type { ReadingImportPreviewDto } from "@/lib/schemas/metrics";
import { ImportPanel } from "@/components/ui/import-panel";

type Row = ReadingImportPreviewDto["rows"][number];

export function ReadingImportForm() {
  return (
    <ImportPanel<Row, ReadingImportPreviewDto>
      fileLabel="Readings CSV (date, metric, team, value)"
      accept=".csv,text/csv"
      noun={["reading", "readings"]}
      preview={previewReadingImportAction}
      commit={commitReadingImportAction}
      columns={[
        { header: "Date", cell: (r) => r.date },
        { header: "Metric", cell: (r) => r.metric },
        { header: "Team", cell: (r) => r.team || "Whole organisation" },
        {
          header: "Value",
          cell: (r) => (r.value === null ? "–" : r.value.toLocaleString("en-GB", { maximumFractionDigits: 4 })),
        },
      ]}
    />
  );
}
