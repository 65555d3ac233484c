"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ImportInput, ObservationImportInput } from "@/lib/schemas/transfer";
import {
  EditObservationInput,
  LogBatchInput,
  LogObservationInput,
  UndoObservationInput,
} from "@/lib/schemas/observations";
import { formObject } from "@/lib/schemas/action-result";
import { callAction, formAction } from "@/lib/server/action";
import { editObservation, logBatch, logObservation, undoObservation } from "@/lib/server/data/observation-log";
import { commitObservationImport, previewObservationImport } from "@/lib/server/data/observation-transfer";

/**
 * Called straight from the Log pad (no form round trip): one tap, one request. No revalidatePath:
 * every page is rendered per request (nothing to purge), and revalidating would make each tap
 * re-render the Log page into its response (issue 8: logging throughput).
 */
export const logObservationAction = callAction({
  schema: LogObservationInput,
  permission: "observations.log",
  invalid: { formError: "That entry could not be saved: check the fields.", fields: true },
  run: (ctx, input) => logObservation(ctx, input),
});

export const undoObservationAction = callAction({
  schema: UndoObservationInput,
  permission: "observations.log",
  invalid: { formError: "That entry can no longer be undone." },
  notFound: "That entry can no longer be undone.",
  run: (ctx, { id, token }) => undoObservation(ctx, id, token),
});

export const editObservationAction = callAction({
  schema: EditObservationInput,
  permission: "observations.log",
  invalid: { formError: "That entry can no longer be changed." },
  notFound: "That entry can no longer be changed (24 hours have passed, or it was deleted).",
  run: (ctx, { id, token, outcome, note }) => editObservation(ctx, id, token, { outcome, note }),
});

export const logBatchAction = formAction({
  schema: LogBatchInput,
  permission: "observations.log",
  read: (form) => {
    const raw = formObject(form);
    return { ...raw, anonymous: raw.anonymous === "on", occurredOn: raw.occurredOn || undefined };
  },
  run: (ctx, input) => logBatch(ctx, input),
});

export const previewObservationImportAction = formAction({
  schema: ImportInput,
  permission: "observations.import",
  run: (ctx, { content }) => previewObservationImport(ctx, content),
});

export const commitObservationImportAction = formAction({
  schema: ObservationImportInput,
  permission: "observations.import",
  run: (ctx, { content, repeat }) => commitObservationImport(ctx, content, { repeat }),
  after: () => {
    revalidatePath("/log");
    redirect("/log?imported=1");
  },
});
