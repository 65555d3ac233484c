"use client";
import { useEffect, useState } from "react";
import Link from "next/link";
import { createActionItemAction, updateActionItemAction } from "@/lib/actions/action-items";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { ActionFormValues, ActionOptionsDto } from "@/lib/schemas/actions";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field, FormError } from "@/components/ui/field";
import { SelectField, TextAreaField } from "@/components/ui/form-controls";

const EMPTY: ActionFormValues = {
  title: "",
  detail: "",
  ownerId: "",
  dueOn: "",
  teamId: "",
  behaviourId: "",
  barrierId: "",
  interventionId: "",
  metricId: "",
};

type Props = { options: ActionOptionsDto } & (
  | {
      mode: "create";
      /** The ritual occurrence it is agreed in: the form then stays on the meeting's page. */
      occurrenceId?: string;
      initial?: Partial<ActionFormValues>;
    }
  | { mode: "edit"; id: string; version: number; initial: ActionFormValues }
);

/**
 * Create or edit an action: what, who owns it, by when, and what it is about. Reusable: a ritual's
 * occurrence page embeds it with `occurrenceId`, and the server checks that meeting is the caller's
 * organisation's and that they take part in it (or may manage actions).
 */
export function ActionForm(props: Props) {
  // In a meeting the form stays on the page: after each action it starts empty again, saying so.
  const [recorded, setRecorded] = useState(0);
  return (
    <div className="space-y-3">
      {recorded > 0 && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        >
          {recorded === 1 ? "Action recorded." : `${recorded} actions recorded.`}
        </p>
      )}
      <ActionFormInner key={recorded} {...props} onRecorded={() => setRecorded((n) => n + 1)} />
    </div>
  );
}

function ActionFormInner(props: Props & { onRecorded: () => void }) {
  const [state, onSubmit, pending, feedback] = useFormAction<ActionResult<unknown>>(
    props.mode === "create" ? createActionItemAction : updateActionItemAction,
  );
  const v = { ...EMPTY, ...props.initial };
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const o = props.options;
  const embedded = props.mode === "create" && Boolean(props.occurrenceId);
  const prefix = embedded ? "action-" : "";
  const { onRecorded } = props;
  useEffect(() => {
    if (state?.ok && embedded) onRecorded();
  }, [state, embedded, onRecorded]);
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4">
      <FormError {...feedback} message={feedback.message ?? errors.occurrenceId} />
      {props.mode === "edit" ? (
        <>
          <input type="hidden" name="id" value={props.id} />
          <input type="hidden" name="version" value={props.version} />
        </>
      ) : (
        <input type="hidden" name="occurrenceId" value={props.occurrenceId ?? ""} />
      )}
      <Field
        id={`${prefix}field-title`}
        name="title"
        label="Action"
        defaultValue={v.title}
        error={errors.title}
        maxLength={160}
        hint="What will be done, e.g. “Ask the platform team for a shared staging slot”."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id={`${prefix}field-ownerId`}
          name="ownerId"
          label="Owner"
          defaultValue={v.ownerId}
          options={o.owners}
          placeholder="Choose who owns it…"
          error={errors.ownerId}
        />
        <Field
          id={`${prefix}field-dueOn`}
          name="dueOn"
          label="Due"
          type="date"
          defaultValue={v.dueOn}
          error={errors.dueOn}
          hint="Leave empty for no due date. Past its due day, an open action shows as overdue."
        />
      </div>
      <TextAreaField
        id={`${prefix}field-detail`}
        name="detail"
        label="Detail (optional)"
        defaultValue={v.detail}
        error={errors.detail}
        rows={2}
        maxLength={2000}
      />
      <fieldset className="space-y-3 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <legend className="px-1 text-sm font-semibold">What it is about (optional)</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id={`${prefix}field-teamId`}
            name="teamId"
            label="Team"
            defaultValue={v.teamId}
            options={o.teams}
            placeholder="No team"
            error={errors.teamId}
          />
          <SelectField
            id={`${prefix}field-behaviourId`}
            name="behaviourId"
            label="Behaviour"
            defaultValue={v.behaviourId}
            options={o.behaviours}
            placeholder="No behaviour"
            error={errors.behaviourId}
          />
          <SelectField
            id={`${prefix}field-barrierId`}
            name="barrierId"
            label="Barrier"
            defaultValue={v.barrierId}
            options={o.barriers}
            placeholder="No barrier"
            error={errors.barrierId}
            hint="An action about a barrier is done when the barrier is marked removed on its before/after evidence (or accepted), not by a tick."
          />
          <SelectField
            id={`${prefix}field-interventionId`}
            name="interventionId"
            label="Intervention"
            defaultValue={v.interventionId}
            options={o.interventions}
            placeholder="No intervention"
            error={errors.interventionId}
          />
          <SelectField
            id={`${prefix}field-metricId`}
            name="metricId"
            label="Metric"
            defaultValue={v.metricId}
            options={o.metrics}
            placeholder="No metric"
            error={errors.metricId}
          />
        </div>
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : props.mode === "edit" ? "Save action" : "Create action"}
        </Button>
        {!embedded && (
          <Link href={props.mode === "edit" ? `/actions/${props.id}` : "/actions"} className={buttonClass("secondary")}>
            Cancel
          </Link>
        )}
      </div>
    </form>
  );
}
