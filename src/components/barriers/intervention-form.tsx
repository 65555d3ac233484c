"use client";
import { useState } from "react";
import Link from "next/link";
import { createInterventionAction } from "@/lib/actions/barriers";
import {
  APEASE_CRITERIA,
  FUNCTION_DESCRIPTIONS,
  FUNCTION_LABELS,
  INTERVENTION_FUNCTIONS,
  type InterventionFunction,
} from "@/lib/domain/interventions";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field, FormError } from "@/components/ui/field";
import { SelectField, TextAreaField } from "@/components/ui/form-controls";
import { CheckboxGroup, RadioGroup, SCORE_OPTIONS } from "@/components/ui/choice-group";
import { TechniquePicker } from "./technique-picker";

interface Props {
  barrier: { id: string; title: string; comB: string; teamIds: string[] };
  suggested: InterventionFunction[];
  teams: { id: string; name: string }[];
  owners: { id: string; name: string }[];
  selfId: string;
  today: string;
}

/** Plan an intervention: a function the Behaviour Change Wheel suggests for the barrier, appraised with APEASE. */
export function InterventionForm({ barrier, suggested, teams, owners, selfId, today }: Props) {
  const [state, onSubmit, pending, feedback] = useFormAction(createInterventionAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const [chosen, setChosen] = useState<InterventionFunction | "">(suggested[0] ?? "");
  const others = INTERVENTION_FUNCTIONS.filter((f) => !suggested.includes(f));
  const fn = (f: InterventionFunction, tag?: string) => ({
    id: f,
    name: `${FUNCTION_LABELS[f]}${tag ? ` (${tag})` : ""}`,
    hint: FUNCTION_DESCRIPTIONS[f],
  });
  return (
    <form
      onSubmit={onSubmit}
      onChange={(e) => {
        const input = e.target;
        if (input instanceof HTMLInputElement && input.name === "function")
          setChosen(input.value as InterventionFunction);
      }}
      noValidate
      className="max-w-3xl space-y-5"
    >
      <FormError {...feedback} />
      <input type="hidden" name="barrierId" value={barrier.id} />
      <RadioGroup
        name="function"
        legend="Intervention function"
        hint="Suggested from the barrier's COM-B component by the Behaviour Change Wheel; the others stay available."
        options={[...suggested.map((f) => fn(f, "suggested")), ...others.map((f) => fn(f))]}
        selected={suggested[0] ?? ""}
        error={errors.function}
        columns
      />
      <TechniquePicker fn={chosen} error={errors.techniques} />
      <Field
        name="title"
        label="Title"
        error={errors.title}
        maxLength={120}
        hint="What will be done, e.g. “Queue owner rota on the team board”."
      />
      <TextAreaField name="description" label="Description" error={errors.description} rows={3} maxLength={2000} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField name="ownerId" label="Owner" options={owners} defaultValue={selfId} error={errors.ownerId} />
        <Field name="startDate" label="Start date" type="date" defaultValue={today} error={errors.startDate} />
      </div>
      <CheckboxGroup
        name="teamIds"
        legend="Roll it out to"
        hint="Teams not chosen become the comparison group: the intervention page shows their adoption beside the rolled-out teams'."
        options={teams}
        selected={barrier.teamIds}
        error={errors.teamIds}
      />
      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <legend className="px-1 text-sm font-semibold">APEASE appraisal (1 = poor, 5 = good)</legend>
        {APEASE_CRITERIA.map((c) => (
          <div key={c.key} className="grid gap-2 sm:grid-cols-[1fr_1fr]">
            <RadioGroup
              name={`${c.key}Score`}
              legend={c.label}
              hint={c.question}
              options={SCORE_OPTIONS}
              selected=""
              error={errors[`${c.key}Score`]}
            />
            <Field name={`${c.key}Note`} label={`${c.label}: note`} error={errors[`${c.key}Note`]} maxLength={500} />
          </div>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Plan intervention"}
        </Button>
        <Link href={`/barriers/${barrier.id}`} className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
