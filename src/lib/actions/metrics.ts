"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { MetricBehavioursInput, MetricInput, MetricUpdateInput, ReadingInput } from "@/lib/schemas/metrics";
import { ImportInput } from "@/lib/schemas/transfer";
import { formObjectWithLists } from "@/lib/schemas/action-result";
import { formAction } from "@/lib/server/action";
import { createMetric, setMetricBehaviours, updateMetric } from "@/lib/server/data/metric-editor";
import { addReading, commitReadingImport, previewReadingImport } from "@/lib/server/data/metric-readings";

const withTeams = (form: FormData) => formObjectWithLists(form, ["teamIds"]);
const revalidateMetrics = () => revalidatePath("/metrics", "layout");

export const createMetricAction = formAction({
  schema: MetricInput,
  permission: "metrics.manage",
  read: withTeams,
  run: (ctx, input) => createMetric(ctx, input),
  after: (id) => {
    revalidateMetrics();
    redirect(`/metrics/${id}`);
  },
});

export const updateMetricAction = formAction({
  schema: MetricUpdateInput,
  permission: "metrics.manage",
  read: withTeams,
  run: (ctx, { id, version, ...input }) => updateMetric(ctx, id, version, input),
  after: (_, { id }) => {
    revalidateMetrics();
    redirect(`/metrics/${id}`);
  },
});

export const addReadingAction = formAction({
  schema: ReadingInput,
  permission: "metrics.manage",
  run: (ctx, input) => addReading(ctx, input),
  after: revalidateMetrics,
});

export const setMetricBehavioursAction = formAction({
  schema: MetricBehavioursInput,
  permission: "metrics.manage",
  read: (form) => formObjectWithLists(form, ["behaviourIds"]),
  run: (ctx, { metricId, behaviourIds }) => setMetricBehaviours(ctx, metricId, behaviourIds),
  after: revalidateMetrics,
});

export const previewReadingImportAction = formAction({
  schema: ImportInput,
  permission: "metrics.manage",
  run: (ctx, { content }) => previewReadingImport(ctx, content),
});

export const commitReadingImportAction = formAction({
  schema: ImportInput,
  permission: "metrics.manage",
  run: (ctx, { content }) => commitReadingImport(ctx, content),
  after: (count) => {
    revalidateMetrics();
    redirect(`/metrics?imported=${count}`);
  },
});
