"use client";
import Link from "next/link";
import { useState } from "react";
import { createRitualAction, updateRitualAction } from "@/lib/actions/rituals";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { RitualFormValues } from "@/lib/schemas/rituals";
import {
  CADENCES,
  CADENCE_LABELS,
  RITUAL_KINDS,
  RITUAL_KIND_SPECS,
  WEEKDAY_LABELS,
  WEEK_OF_MONTH_LABELS,
  type Cadence,
} from "@/lib/domain/rituals";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field, FormError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";
import { CheckboxGroup, RadioGroup } from "@/components/ui/choice-group";

interface Options {
  teams: { id: string; name: string }[];
  members: { id: string; name: string }[];
}

type Props = { options: Options; today: string; initialKind?: string } & (
  { mode: "create" } | { mode: "edit"; id: string; version: number; initial: RitualFormValues }
);

const KIND_OPTIONS = RITUAL_KINDS.map((k) => ({
  id: k,
  name: RITUAL_KIND_SPECS[k].label,
  hint: RITUAL_KIND_SPECS[k].purpose,
}));
const CADENCE_OPTIONS = CADENCES.map((c) => ({ id: c, name: CADENCE_LABELS[c] }));
const WEEKDAYS = WEEKDAY_LABELS.map((name, i) => ({ id: String(i + 1), name }));
const WEEKS = WEEK_OF_MONTH_LABELS.map((name, i) => ({ id: String(i + 1), name: `The ${name}` }));

/** Schedule a ritual or change one: its kind, who it is for, when it meets and who takes part. */
export function RitualForm(props: Props) {
  const [state, onSubmit, pending, feedback] = useFormAction<ActionResult<unknown>>(
    props.mode === "create" ? createRitualAction : updateRitualAction,
  );
  const v: RitualFormValues =
    props.mode === "edit"
      ? props.initial
      : {
          kind: (RITUAL_KINDS as readonly string[]).includes(props.initialKind ?? "")
            ? (props.initialKind as RitualFormValues["kind"])
            : ("" as RitualFormValues["kind"]),
          title: "",
          teamId: "",
          cadence: "WEEKLY",
          weekday: "1",
          weekOfMonth: "",
          startTime: "",
          startsOn: props.today,
          facilitatorId: "",
          participantIds: [],
        };
  const [cadence, setCadence] = useState<Cadence>(v.cadence);
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
      <RadioGroup name="kind" legend="Kind of ritual" options={KIND_OPTIONS} selected={v.kind} error={errors.kind} />
      <Field
        name="title"
        label="Title"
        defaultValue={v.title}
        error={errors.title}
        maxLength={120}
        hint="As people call the meeting, e.g. “Support retrospective”."
      />
      <SelectField
        name="teamId"
        label="Who it is for"
        defaultValue={v.teamId}
        options={props.options.teams}
        placeholder="The whole organisation"
        error={errors.teamId}
        hint="The agenda's figures (adoption, barriers, feedback, recognitions) come from this team or value stream."
      />
      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <legend className="px-1 text-sm font-semibold">When it meets</legend>
        <fieldset className="flex flex-wrap gap-3" aria-describedby={errors.cadence ? "cadence-error" : undefined}>
          <legend className="sr-only">How often</legend>
          {CADENCE_OPTIONS.map((c) => (
            <label key={c.id} className="flex min-h-10 items-center gap-2 text-sm">
              <input
                type="radio"
                name="cadence"
                value={c.id}
                defaultChecked={v.cadence === c.id}
                onChange={() => setCadence(c.id)}
                className="size-4"
              />
              {c.name}
            </label>
          ))}
        </fieldset>
        {errors.cadence && (
          <p id="cadence-error" className="text-sm text-red-700 dark:text-red-400">
            {errors.cadence}
          </p>
        )}
        {cadence !== "AD_HOC" && (
          <div className="grid gap-4 sm:grid-cols-2">
            {cadence === "MONTHLY" && (
              <SelectField
                name="weekOfMonth"
                label="Which week"
                defaultValue={v.weekOfMonth || "1"}
                options={WEEKS}
                error={errors.weekOfMonth}
              />
            )}
            <SelectField
              name="weekday"
              label="Weekday"
              defaultValue={v.weekday || "1"}
              options={WEEKDAYS}
              error={errors.weekday}
            />
          </div>
        )}
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            name="startsOn"
            label={cadence === "AD_HOC" ? "From" : "First meeting on or after"}
            type="date"
            defaultValue={v.startsOn}
            error={errors.startsOn}
            hint={cadence === "FORTNIGHTLY" ? "Fortnights count from the first meeting." : undefined}
          />
          <Field
            name="startTime"
            label="Time (optional)"
            type="time"
            defaultValue={v.startTime}
            error={errors.startTime}
          />
        </div>
      </fieldset>
      <SelectField
        name="facilitatorId"
        label="Facilitator"
        defaultValue={v.facilitatorId}
        options={props.options.members}
        placeholder="Choose who runs it"
        error={errors.facilitatorId}
        hint="Opens each meeting, shapes its agenda and makes sure actions have owners."
      />
      <CheckboxGroup
        name="participantIds"
        legend="Participants"
        options={props.options.members}
        selected={v.participantIds}
        error={errors.participantIds}
        hint="They take notes on the agenda and see the meeting among their rituals."
      />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : props.mode === "edit" ? "Save ritual" : "Schedule ritual"}
        </Button>
        <Link href={props.mode === "edit" ? `/rituals/${props.id}` : "/rituals"} className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
