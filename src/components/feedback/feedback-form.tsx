"use client";
import Link from "next/link";
import { createFeedbackAction, updateFeedbackAction } from "@/lib/actions/feedback";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { FeedbackFormValues, FeedbackOptionsDto } from "@/lib/schemas/feedback";
import { CUSTOMER_MAX, QUOTE_MAX, SENTIMENT_LABELS, SOURCE_LABELS } from "@/lib/domain/feedback";
import { optionsOf } from "@/lib/domain/labels";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field, FormError } from "@/components/ui/field";
import { SelectField, TextAreaField } from "@/components/ui/form-controls";
import { CheckboxGroup, RadioGroup } from "@/components/ui/choice-group";

const EMPTY: FeedbackFormValues = {
  quote: "",
  source: "",
  receivedOn: "",
  customer: "",
  sentiment: "",
  behaviourIds: [],
  barrierIds: [],
  metricIds: [],
  teamIds: [],
};

type Props = { options: FeedbackOptionsDto; today: string } & (
  | {
      mode: "create";
      initial?: Partial<FeedbackFormValues>;
      /** Recorded during a ritual occurrence: the form stays on the meeting page after saving. */
      occurrenceId?: string;
      /** Start with "mark as story" ticked (a check-in's customer story). */
      story?: boolean;
    }
  | { mode: "edit"; id: string; version: number; initial: FeedbackFormValues }
);

const LINKS = [
  { name: "behaviourIds", legend: "Behaviours it is about", key: "behaviours" },
  { name: "barrierIds", legend: "Barriers it is evidence of", key: "barriers" },
  { name: "metricIds", legend: "Metrics it speaks to", key: "metrics" },
  { name: "teamIds", legend: "Teams it concerns", key: "teams" },
] as const;

/** What a customer actually said, verbatim, with where and when, and what it is about. */
export function FeedbackForm(props: Props) {
  const [state, onSubmit, pending, feedback] = useFormAction<ActionResult<unknown>>(
    props.mode === "create" ? createFeedbackAction : updateFeedbackAction,
  );
  const v = { ...EMPTY, receivedOn: props.today, ...props.initial };
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const saved = props.mode === "create" && props.occurrenceId && state?.ok;
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-5" key={saved ? "saved" : "editing"}>
      <FormError {...feedback} />
      {saved && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          Saved.
        </p>
      )}
      {props.mode === "edit" && (
        <>
          <input type="hidden" name="id" value={props.id} />
          <input type="hidden" name="version" value={props.version} />
        </>
      )}
      {props.mode === "create" && props.occurrenceId && (
        <input type="hidden" name="occurrenceId" value={props.occurrenceId} />
      )}
      <TextAreaField
        name="quote"
        label="What the customer said"
        defaultValue={v.quote}
        error={errors.quote}
        rows={4}
        maxLength={QUOTE_MAX}
        hint="Their own words, verbatim: not your summary of them."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="source"
          label="Where it came from"
          defaultValue={v.source}
          options={optionsOf(SOURCE_LABELS)}
          placeholder="Choose…"
          error={errors.source}
        />
        <Field
          name="receivedOn"
          label="When they said it"
          type="date"
          defaultValue={v.receivedOn}
          max={props.today}
          error={errors.receivedOn}
        />
      </div>
      <Field
        name="customer"
        label="Customer or segment (optional)"
        defaultValue={v.customer}
        error={errors.customer}
        maxLength={CUSTOMER_MAX}
        hint="e.g. “Enterprise, EU” or “Acme Ltd”. No personal data is needed."
      />
      <RadioGroup
        name="sentiment"
        legend="How the customer felt"
        options={optionsOf(SENTIMENT_LABELS)}
        selected={v.sentiment}
        error={errors.sentiment}
      />
      {props.mode === "create" && (
        <label className="flex min-h-10 items-center gap-2 text-sm">
          <input type="checkbox" name="isStory" defaultChecked={props.story} className="size-4" />
          Mark as a customer story (opens check-ins)
        </label>
      )}
      {LINKS.map((l) =>
        props.options[l.key].length ? (
          <CheckboxGroup
            key={l.name}
            name={l.name}
            legend={`${l.legend} (optional)`}
            options={props.options[l.key]}
            selected={v[l.name]}
            error={errors[l.name]}
          />
        ) : null,
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : props.mode === "edit" ? "Save feedback" : "Record feedback"}
        </Button>
        {!(props.mode === "create" && props.occurrenceId) && (
          <Link
            href={props.mode === "edit" ? `/feedback/${props.id}` : "/feedback"}
            className={buttonClass("secondary")}
          >
            Cancel
          </Link>
        )}
      </div>
    </form>
  );
}
