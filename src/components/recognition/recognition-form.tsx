"use client";
import { useMemo, useState } from "react";
import { giveRecognitionAction } from "@/lib/actions/recognition";
import { specificityCheck, type RecognitionField, type RecognitionHint } from "@/lib/domain/recognition";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { RecognitionFormValues, RecognitionOptionsDto } from "@/lib/schemas/recognition";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { SelectField, TextAreaField } from "@/components/ui/form-controls";
import { useFormAction } from "@/components/ui/use-form-action";

const EMPTY: RecognitionFormValues = {
  recipientMembershipId: "",
  recipientTeamId: "",
  behaviourId: "",
  observationId: "",
};

function Hints({ hints }: { hints: RecognitionHint[] }) {
  if (hints.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1" data-testid="recognition-hints">
      {hints.map((h, i) => (
        <li
          key={i}
          className="rounded border-l-4 border-amber-500 bg-amber-50 px-2 py-1 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {h.words.length > 0 && h.kind !== "praise-only" && (
            <strong>{h.words.map((w) => `“${w}”`).join(", ")}: </strong>
          )}
          {h.message} {h.suggestion}
        </li>
      ))}
    </ul>
  );
}

/**
 * "Recognise someone": who, for which behaviour, what they did and what changed for the customer.
 * The specificity check runs while typing (as the behaviour editor runs the video test); the server
 * refuses the same praise-only texts beside their field, and the softer hints only nudge.
 */
export function RecognitionForm(props: { options: RecognitionOptionsDto; initial?: Partial<RecognitionFormValues> }) {
  // A new round mounts a fresh form (and a fresh action state) for the next recognition.
  const [round, setRound] = useState(0);
  return <GiveForm key={round} {...props} again={() => setRound((r) => r + 1)} />;
}

function GiveForm({
  options,
  initial = {},
  again,
}: {
  options: RecognitionOptionsDto;
  initial?: Partial<RecognitionFormValues>;
  again: () => void;
}) {
  const start = { ...EMPTY, ...initial };
  const [kind, setKind] = useState<"person" | "team">(start.recipientTeamId ? "team" : "person");
  const [behaviourId, setBehaviourId] = useState(start.behaviourId);
  const [text, setText] = useState({ act: "", customerEffect: "" });
  const [touched, setTouched] = useState<Record<RecognitionField, boolean>>({ act: false, customerEffect: false });
  const [state, onSubmit, pending, feedback] = useFormAction<ActionResult<string>>(giveRecognitionAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const check = useMemo(() => specificityCheck(text), [text]);
  // Beside a field once something was typed in it: an empty form does not shout before anything was written.
  const hintsFor = (field: RecognitionField) =>
    touched[field] || state ? check.hints.filter((h) => h.field === field && h.kind !== "empty") : [];
  const observations = options.observations.filter((o) => o.behaviourId === behaviourId);
  const bindText = (field: RecognitionField) => ({
    name: field,
    value: text[field],
    onChange: (e: React.ChangeEvent<HTMLTextAreaElement>) => {
      const value = e.target.value;
      setText((t) => ({ ...t, [field]: value }));
      setTouched((t) => ({ ...t, [field]: true }));
    },
  });

  if (state?.ok)
    return (
      <div className="space-y-3">
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          Thank you: your recognition is on the feed for everyone to read.
        </p>
        <Button type="button" variant="secondary" onClick={again}>
          Recognise someone else
        </Button>
      </div>
    );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Recognise someone">
      <FormError {...feedback} />
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">Who do you recognise?</legend>
        <div className="flex flex-wrap gap-4">
          {(["person", "team"] as const).map((k) => (
            <label key={k} className="flex min-h-10 items-center gap-2 text-sm">
              <input type="radio" name="recipientKind" value={k} checked={kind === k} onChange={() => setKind(k)} />
              {k === "person" ? "A colleague" : "A team"}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === "person" ? (
        <SelectField
          name="recipientMembershipId"
          label="Colleague"
          options={options.people}
          placeholder={options.people.length ? "Choose a colleague…" : "No colleagues yet"}
          defaultValue={start.recipientMembershipId}
          error={errors.recipientMembershipId}
        />
      ) : (
        <SelectField
          name="recipientTeamId"
          label="Team"
          options={options.teams}
          placeholder={options.teams.length ? "Choose a team…" : "No teams yet"}
          defaultValue={start.recipientTeamId}
          error={errors.recipientTeamId ?? errors.recipientMembershipId}
        />
      )}
      <SelectField
        name="behaviourId"
        label="Behaviour they showed"
        options={options.behaviours}
        placeholder={options.behaviours.length ? "Choose a behaviour…" : "No active behaviours yet"}
        value={behaviourId}
        onChange={(e) => setBehaviourId(e.target.value)}
        error={errors.behaviourId}
      />
      <TextAreaField
        {...bindText("act")}
        label="What they did"
        rows={3}
        maxLength={1000}
        error={errors.act}
        hint={
          <>
            The act itself, so others can picture it: who did what, with what, and when.
            <Hints hints={hintsFor("act")} />
          </>
        }
      />
      <TextAreaField
        {...bindText("customerEffect")}
        label="What changed for the customer"
        rows={2}
        maxLength={1000}
        error={errors.customerEffect}
        hint={
          <>
            Which customer, and what changed for them.
            <Hints hints={hintsFor("customerEffect")} />
          </>
        }
      />
      {observations.length > 0 && (
        <SelectField
          name="observationId"
          label="Observation it was logged in (optional)"
          options={observations.map((o) => ({ id: o.id, name: o.label }))}
          placeholder="None"
          defaultValue={start.observationId}
          error={errors.observationId}
        />
      )}
      <p className="text-xs text-slate-600 dark:text-slate-400" data-testid="recognition-check">
        {!touched.act && !touched.customerEffect
          ? "Name the act and its effect on a customer: specific thanks teach the behaviour."
          : check.specific
            ? "Specific: a colleague could picture what happened and why it mattered."
            : check.canSave
              ? "You can post this; the hints above would make it more specific."
              : "Say what they did and what changed for the customer before posting: praise alone teaches nothing."}
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? "Posting…" : "Post recognition"}
      </Button>
    </form>
  );
}
