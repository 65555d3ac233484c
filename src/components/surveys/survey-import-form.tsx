"use client";
import { commitSurveyImportAction, previewSurveyImportAction } from "@/lib/actions/surveys";
import type { SurveyImportPreviewDto } from "@/lib/schemas/surveys";
import { GROUP_LABELS } from "@/lib/domain/labels";
import { ImportPanel } from "@/components/ui/import-panel";

type Row = SurveyImportPreviewDto["rows"][number];

export function SurveyImportForm({ surveyId }: { surveyId: string }) {
  return (
    <ImportPanel<Row, SurveyImportPreviewDto>
      fileLabel="Responses CSV"
      accept=".csv,text/csv"
      noun={["respondent", "respondents"]}
      preview={previewSurveyImportAction}
      commit={commitSurveyImportAction}
      hidden={{ surveyId }}
      columns={[
        { header: "Respondent", cell: (r) => r.respondent },
        { header: "Group", cell: (r) => (r.group ? GROUP_LABELS[r.group] : "–") },
        { header: "Responses", cell: (r) => r.answers },
      ]}
    />
  );
}
