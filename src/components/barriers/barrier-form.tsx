"use client";
import Link from "next/link";
import { createBarrierAction, updateBarrierAction } from "@/lib/actions/barriers";
import { barrierFromFeedbackAction } from "@/lib/actions/feedback";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { BarrierFormValues, BarrierOptionsDto } from "@/lib/schemas/barriers";
import { COMB_LABELS, DETERMINANT_LABELS, FEASIBILITY_LABELS, optionsOf } from "@/lib/domain/labels";
import { PRIORITY_FORMULA } from "@/lib/domain/barriers";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field, FormError } from "@/components/ui/field";
import { SelectField, TextAreaField } from "@/components/ui/form-controls";
import { CheckboxGroup, RadioGroup, SCORE_OPTIONS } from "@/components/ui/choice-group";

const EMPTY: BarrierFormValues = {
  title: "",
  description: "",
  evidence: "",
  comB: "",
  determinant: "",
  feasibility: "DIFFICULT",
  impact: "",
  reach: "",
  ease: "",
  behaviourIds: [],
  teamIds: [],
};

type Props = { options: BarrierOptionsDto; canScore: boolean } & (
  | { mode: "create"; initial?: Partial<BarrierFormValues> }
  | { mode: "edit"; id: string; version: number; initial: BarrierFormValues }
  // A clinic turns customer feedback into a barrier: the feedback is linked to it as evidence.
  | {
      mode: "feedback";
      feedbackIds: string[];
      occurrenceId?: string;
      backHref: string;
      initial?: Partial<BarrierFormValues>;
    }
);

const ACTIONS = {
  create: createBarrierAction,
  edit: updateBarrierAction,
  feedback: barrierFromFeedbackAction,
} as const;

const SCORES = [
  { name: "impact", legend: "Impact on the behaviour", hint: "1 = barely slows people down, 5 = stops the behaviour." },
  { name: "reach", legend: "People affected", hint: "1 = a few people, 5 = nearly everyone who should do it." },
  { name: "ease", legend: "Ease of removal", hint: "1 = hard and slow to remove, 5 = quick and cheap." },
] as const;

/** Record, propose or edit a barrier: the friction as people experience it, classified twice. */
export function BarrierForm(props: Props) {
  const [state, onSubmit, pending, feedback] = useFormAction<ActionResult<unknown>>(ACTIONS[props.mode]);
  const v = { ...EMPTY, ...props.initial };
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
      {props.mode === "feedback" && (
        <>
          {props.feedbackIds.map((id) => (
            <input key={id} type="hidden" name="feedbackIds" value={id} />
          ))}
          {props.occurrenceId && <input type="hidden" name="occurrenceId" value={props.occurrenceId} />}
          <FormError message={errors.feedbackIds} />
        </>
      )}
      <Field
        name="title"
        label="Title"
        defaultValue={v.title}
        error={errors.title}
        maxLength={120}
        hint="Short, in people's words, e.g. “Nobody owns the ticket queue”."
      />
      <TextAreaField
        name="description"
        label="What gets in the way"
        defaultValue={v.description}
        error={errors.description}
        rows={3}
        maxLength={1000}
        hint="The friction as people experience it, e.g. “Engineers are on three projects; the ticket queue is owned by nobody.”"
      />
      <TextAreaField
        name="evidence"
        label="Evidence"
        defaultValue={v.evidence}
        error={errors.evidence}
        rows={3}
        maxLength={4000}
        hint="Quotes, links to observations' notes, survey figures."
      />
      <CheckboxGroup
        name="behaviourIds"
        legend="Behaviours it stands in the way of"
        options={props.options.behaviours}
        selected={v.behaviourIds}
        error={errors.behaviourIds}
      />
      <CheckboxGroup
        name="teamIds"
        legend="Teams where it applies (none = everywhere)"
        options={props.options.teams}
        selected={v.teamIds}
        error={errors.teamIds}
        hint="Barriers are local: name the teams that meet it."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          name="comB"
          label="COM-B component"
          defaultValue={v.comB}
          options={optionsOf(COMB_LABELS)}
          placeholder="Choose…"
          error={errors.comB}
          hint="Capability, opportunity or motivation: which is missing?"
        />
        <SelectField
          name="determinant"
          label="Barrier Analysis determinant"
          defaultValue={v.determinant}
          options={optionsOf(DETERMINANT_LABELS)}
          placeholder="Choose…"
          error={errors.determinant}
        />
      </div>
      <RadioGroup
        name="feasibility"
        legend="Can a person do the behaviour today if they want to?"
        options={optionsOf(FEASIBILITY_LABELS)}
        selected={v.feasibility}
        error={errors.feasibility}
        columns
      />
      {props.canScore ? (
        <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
          <legend className="px-1 text-sm font-semibold">Scores</legend>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            Priority = {PRIORITY_FORMULA}. Leave all three empty to score later.
          </p>
          {SCORES.map((s) => (
            <RadioGroup
              key={s.name}
              name={s.name}
              legend={s.legend}
              hint={s.hint}
              options={SCORE_OPTIONS}
              selected={v[s.name]}
              error={errors[s.name]}
            />
          ))}
        </fieldset>
      ) : (
        <p className="rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
          A leader or manager scores your proposal (impact, people affected, ease of removal) to place it in the
          priority list.
        </p>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending
            ? "Saving…"
            : props.mode === "edit"
              ? "Save barrier"
              : props.mode === "feedback"
                ? "Create barrier from feedback"
                : props.canScore
                  ? "Record barrier"
                  : "Propose barrier"}
        </Button>
        <Link
          href={
            props.mode === "edit" ? `/barriers/${props.id}` : props.mode === "feedback" ? props.backHref : "/barriers"
          }
          className={buttonClass("secondary")}
        >
          Cancel
        </Link>
      </div>
    </form>
  );
}
