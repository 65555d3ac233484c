"use client";
import { useState } from "react";
import Link from "next/link";
import { createDecisionAction, updateDecisionAction } from "@/lib/actions/decisions";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { DecisionFormOptionsDto, SavedDecision } from "@/lib/schemas/decisions";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field, FormError } from "@/components/ui/field";
import { SelectField, TextAreaField } from "@/components/ui/form-controls";
import { TextLink } from "@/components/ui/text-link";

type Result = ActionResult<SavedDecision>;

/** A new decision is created; once saved (as a draft) the same form goes on saving that decision. */
const save = (prev: Result | null, form: FormData): Promise<Result> =>
  form.get("id") ? updateDecisionAction(prev, form) : createDecisionAction(prev, form);

export interface SavedDecisionValues {
  id: string;
  version: number;
  title: string;
  detail: string;
  teamId: string;
  behaviourName: string | null;
  questions: string[];
  answers: string[];
}

type Props = { options: DecisionFormOptionsDto } & (
  | {
      mode: "create";
      /** The ritual occurrence it is decided in: the form then stays on the meeting's page. */
      occurrenceId?: string;
      behaviourId?: string;
      teamId?: string;
    }
  | { mode: "edit"; decision: SavedDecisionValues }
);

const UNANSWERED = "Unanswered: the decision stays a draft until this is answered.";

/**
 * Record a decision and its answers to the anchor questions. The rule is on screen: "Record
 * decision" records it only when every question is answered; otherwise it is saved as a draft and
 * each unanswered question says so beside its field. Reusable on a meeting's page with `occurrenceId`.
 */
export function DecisionForm(props: Props) {
  const [round, setRound] = useState(0);
  return <DecisionFormInner key={round} {...props} onAnother={() => setRound((r) => r + 1)} />;
}

function DecisionFormInner(props: Props & { onAnother: () => void }) {
  const [state, onSubmit, pending, feedback] = useFormAction<Result>(save);
  const o = props.options;
  const [behaviourId, setBehaviourId] = useState(props.mode === "create" ? (props.behaviourId ?? "") : "");
  const saved = state?.ok ? state.data : null;
  const existing = props.mode === "edit" ? props.decision : null;
  const id = saved?.id ?? existing?.id;
  const version = saved?.version ?? existing?.version;
  const behaviour = o.behaviours.find((b) => b.id === behaviourId);
  const orgCount = o.questions.length;
  const questions = existing?.questions ?? [...o.questions, ...(behaviour?.anchors ?? [])];
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const unanswered = new Set(saved?.unanswered ?? []);
  const embedded = props.mode === "create" && Boolean(props.occurrenceId);
  const prefix = embedded ? "decision-" : "";

  if (saved?.status === "DECIDED" && embedded)
    return (
      <div
        role="status"
        className="space-y-2 rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
      >
        <p>
          Decision recorded. <TextLink href={`/decisions/${saved.id}`}>Open it in the decision log</TextLink>
        </p>
        <Button type="button" variant="secondary" onClick={props.onAnother}>
          Record another decision
        </Button>
      </div>
    );

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl space-y-4">
      <FormError {...feedback} />
      {saved?.status === "DRAFT" && (
        <p
          role="status"
          className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950"
        >
          Saved as a draft, not as a decision:{" "}
          {saved.unanswered.length === 1 ? "one question is" : `${saved.unanswered.length} questions are`} unanswered
          (marked below). Answer {saved.unanswered.length === 1 ? "it" : "them"} and press “Record decision” again.
        </p>
      )}
      {id && (
        <>
          <input type="hidden" name="id" value={id} />
          <input type="hidden" name="version" value={version} />
          {embedded && <input type="hidden" name="from" value="meeting" />}
        </>
      )}
      {props.mode === "create" && <input type="hidden" name="occurrenceId" value={props.occurrenceId ?? ""} />}
      <Field
        id={`${prefix}field-title`}
        name="title"
        label="What was decided"
        defaultValue={existing?.title}
        error={errors.title}
        maxLength={200}
        hint="One sentence, e.g. “Support answers every ticket with the fix and a confirmation question”."
      />
      <TextAreaField
        id={`${prefix}field-detail`}
        name="detail"
        label="Detail (optional)"
        defaultValue={existing?.detail}
        error={errors.detail}
        rows={2}
        maxLength={4000}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id={`${prefix}field-teamId`}
          name="teamId"
          label="Team (optional)"
          defaultValue={existing?.teamId ?? (props.mode === "create" ? (props.teamId ?? "") : "")}
          options={o.teams}
          placeholder="The whole organisation"
          error={errors.teamId}
        />
        {existing || id ? (
          <p className="text-sm">
            <span className="block font-medium">Behaviour</span>
            {existing?.behaviourName ?? behaviour?.name ?? "None"}{" "}
            <span className="text-xs text-slate-600 dark:text-slate-400">
              (fixed once saved: its questions were asked)
            </span>
          </p>
        ) : (
          <SelectField
            id={`${prefix}field-behaviourId`}
            name="behaviourId"
            label="Behaviour it is about (optional)"
            value={behaviourId}
            onChange={(e) => setBehaviourId(e.target.value)}
            options={o.behaviours}
            placeholder="No behaviour"
            error={errors.behaviourId}
            hint="A behaviour's own decision questions are added below, to answer as well."
          />
        )}
      </div>
      <fieldset className="space-y-4 rounded-lg border border-slate-200 p-4 dark:border-slate-800">
        <legend className="px-1 text-sm font-semibold">Anchor questions</legend>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          Every decision answers these. A decision with an unanswered question is saved as a draft, not as a decision.
        </p>
        {errors.answers && <p className="text-sm text-red-700 dark:text-red-400">{errors.answers}</p>}
        {questions.map((q, i) => (
          <div key={`${i}-${q}`}>
            {!existing && i === orgCount && behaviour && (
              <p className="mb-2 text-sm font-semibold">Questions of the behaviour “{behaviour.name}” (required too)</p>
            )}
            <input type="hidden" name="questions" value={q} />
            <TextAreaField
              id={`${prefix}answer-${i}`}
              name="answers"
              label={q}
              defaultValue={existing?.answers[i]}
              error={unanswered.has(i) ? UNANSWERED : undefined}
              rows={3}
              maxLength={4000}
            />
          </div>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Record decision"}
        </Button>
        {!embedded && (
          <Link href={id ? `/decisions/${id}` : "/decisions"} className={buttonClass("secondary")}>
            {id ? "Back to the decision" : "Cancel"}
          </Link>
        )}
      </div>
    </form>
  );
}
