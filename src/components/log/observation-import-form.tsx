"use client";
import { commitObservationImportAction, previewObservationImportAction } from "@/lib/actions/observations";
import type { ObservationImportPreviewDto } from "@/lib/schemas/observations";
import { ImportPanel } from "@/components/ui/import-panel";

type Row = ObservationImportPreviewDto["rows"][number];

export function ObservationImportForm() {
  return (
    <ImportPanel<Row, ObservationImportPreviewDto>
      fileLabel="Observations CSV (date, team, behaviour, performed, missed, note)"
      accept=".csv,text/csv"
      noun={["row", "rows"]}
      preview={previewObservationImportAction}
      commit={commitObservationImportAction}
      repeat={(p) => p.repeat}
      columns={[
        { header: "Date", cell: (r) => r.date },
        { header: "Team", cell: (r) => r.team },
        { header: "Behaviour", cell: (r) => r.behaviour },
        { header: "Performed / missed", cell: (r) => `${r.performed} / ${r.missed}` },
      ]}
    />
  );
}
