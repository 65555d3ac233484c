"use client";
import { commitImportAction, previewImportAction } from "@/lib/actions/transfer";
import type { ImportPreviewDto } from "@/lib/schemas/transfer";
import { ImportPanel } from "@/components/ui/import-panel";

type Row = ImportPreviewDto["rows"][number];

export function ImportForm() {
  return (
    <ImportPanel<Row, ImportPreviewDto>
      fileLabel="Catalogue file (CSV or JSON exported from Conduct)"
      accept=".csv,.json,text/csv,application/json"
      noun={["behaviour", "behaviours"]}
      preview={previewImportAction}
      commit={commitImportAction}
      columns={[
        { header: "Title", cell: (r) => r.title || "—" },
        { header: "Value", cell: (r) => r.value },
      ]}
      summary={(d) =>
        `${d.importable} of ${d.rows.length} behaviours can be imported as drafts.${d.newValues.length ? ` New values: ${d.newValues.join(", ")}.` : ""}`
      }
    />
  );
}
