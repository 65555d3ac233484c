"use client";
import Link from "next/link";
import { createMetricAction, updateMetricAction } from "@/lib/actions/metrics";
import type { ActionResult } from "@/lib/schemas/action-result";
import { KIND_LABELS, TARGET_LABELS, TIMING_LABELS } from "@/lib/domain/metric-labels";
import type { MetricFormValues, MetricOptionsDto } from "@/lib/schemas/metrics";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field, FormError } from "@/components/ui/field";
import { SelectField, TextAreaField } from "@/components/ui/form-controls";
import { CheckboxGroup, RadioGroup } from "@/components/ui/choice-group";
import { DIRECTION_LABELS } from "./metric-labels";

const EMPTY: MetricFormValues = {
  name: "",
  unit: "",
  description: "",
  kind: "",
  timing: "",
  direction: "UP",
  ownerId: "",
  teamIds: [],
  sourceBehaviourId: "",
  targetType: "",
  targetValue: "",
  targetDate: "",
};

const KIND_OPTIONS = [
  {
    id: "CUSTOMER_OUTCOME",
    name: KIND_LABELS.CUSTOMER_OUTCOME,
    hint: "What customers get or experience, e.g. retention, time to resolution.",
  },
  {
    id: "INTERNAL_PROCESS",
    name: KIND_LABELS.INTERNAL_PROCESS,
    hint: "What we do, e.g. deployments a week, tickets closed.",
  },
];
const TIMING_OPTIONS = [
  {
    id: "LEADING",
    name: TIMING_LABELS.LEADING,
    hint: "Moves soon after behaviour changes; predicts the lagging ones.",
  },
  { id: "LAGGING", name: TIMING_LABELS.LAGGING, hint: "Moves months later; the result that counts." },
];
const DIRECTION_OPTIONS = Object.entries(DIRECTION_LABELS).map(([id, name]) => ({ id, name }));
const TARGET_OPTIONS = Object.entries(TARGET_LABELS).map(([id, name]) => ({
  id,
  name: name[0]!.toUpperCase() + name.slice(1),
}));

type Props = { options: MetricOptionsDto } & (
  { mode: "create" } | { mode: "edit"; id: string; version: number; initial: MetricFormValues }
);

/** Define or change a metric: what it measures, who owns it, and the target its status is judged against. */
export function MetricForm(props: Props) {
  const [state, onSubmit, pending, feedback] = useFormAction<ActionResult<unknown>>(
    props.mode === "create" ? createMetricAction : updateMetricAction,
  );
  const v = props.mode === "edit" ? props.initial : EMPTY;
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5">
      <FormError {...feedback} />
      {props.mode === "edit" && (
        <>
          <input type="hidden" name="id" value={props.id} />
          <input type="hidden" name="version" value={props.version} />
        </>
      )}
      <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
        <Field
          name="name"
          label="Name"
          defaultValue={v.name}
          error={errors.name}
          maxLength={120}
          hint="As people say it, e.g. “Customer retention”."
        />
        <Field
          name="unit"
          label="Unit"
          defaultValue={v.unit}
          error={errors.unit}
          maxLength={20}
          hint="e.g. %, hours, points"
        />
      </div>
      <TextAreaField
        name="description"
        label="Description"
        defaultValue={v.description}
        error={errors.description}
        rows={2}
        maxLength={500}
        hint="How it is measured and where the figure comes from."
      />
      <RadioGroup
        name="kind"
        legend="What it measures"
        options={KIND_OPTIONS}
        selected={v.kind}
        error={errors.kind}
        columns
      />
      <RadioGroup
        name="timing"
        legend="Leading or lagging"
        options={TIMING_OPTIONS}
        selected={v.timing}
        error={errors.timing}
        columns
      />
      <RadioGroup
        name="direction"
        legend="Desired direction"
        options={DIRECTION_OPTIONS}
        selected={v.direction}
        error={errors.direction}
      />
      <SelectField
        name="ownerId"
        label="Owner"
        defaultValue={v.ownerId}
        options={props.options.owners}
        placeholder="No owner"
        error={errors.ownerId}
        hint="The person who answers for this figure. A metric nobody owns is rarely acted on."
      />
      <CheckboxGroup
        name="teamIds"
        legend="Teams it is tracked for (none = the whole organisation)"
        options={props.options.teams}
        selected={v.teamIds}
        error={errors.teamIds}
      />
      <SelectField
        name="sourceBehaviourId"
        label="Computed from a behaviour's adoption"
        defaultValue={v.sourceBehaviourId}
        options={props.options.behaviours}
        placeholder="No: readings are entered or imported"
        error={errors.sourceBehaviourId}
        hint="Optional. The metric becomes the behaviour's weekly adoption in % (unit %), computed from observations; no readings are typed."
      />
      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <legend className="px-1 text-sm font-semibold">Target</legend>
        <SelectField
          name="targetType"
          label="Kind of target"
          defaultValue={v.targetType}
          options={TARGET_OPTIONS}
          placeholder="No target"
          error={errors.targetType}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            name="targetValue"
            label="Target value"
            inputMode="decimal"
            defaultValue={v.targetValue}
            error={errors.targetValue}
            hint="A number with a point for decimals, e.g. 92.5."
          />
          <Field
            name="targetDate"
            label="Target date"
            type="date"
            defaultValue={v.targetDate}
            error={errors.targetDate}
            hint="Needed for “increase to” and “decrease to”."
          />
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : props.mode === "edit" ? "Save metric" : "Create metric"}
        </Button>
        <Link href={props.mode === "edit" ? `/metrics/${props.id}` : "/metrics"} className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
