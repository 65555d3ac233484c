"use client";
import { commitFeedbackImportAction, previewFeedbackImportAction } from "@/lib/actions/feedback";
import type { FeedbackImportPreviewDto } from "@/lib/schemas/feedback";
import { ImportPanel } from "@/components/ui/import-panel";

type Row = FeedbackImportPreviewDto["rows"][number];

export function FeedbackImportForm() {
  return (
    <ImportPanel<Row, FeedbackImportPreviewDto>
      fileLabel="Feedback CSV (quote, source, date, customer, sentiment, behaviour, barrier, metric, team)"
      accept=".csv,text/csv"
      noun={["item", "items"]}
      preview={previewFeedbackImportAction}
      commit={commitFeedbackImportAction}
      columns={[
        { header: "Quote", cell: (r) => <span className="line-clamp-3">{r.quote}</span> },
        { header: "Source", cell: (r) => r.source },
        { header: "Date", cell: (r) => r.date },
        { header: "Customer", cell: (r) => r.customer },
        { header: "Sentiment", cell: (r) => r.sentiment },
        { header: "Linked to", cell: (r) => r.links },
      ]}
    />
  );
}
