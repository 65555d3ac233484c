"use client";
import { useMemo, useState } from "react";
import Link from "next/link";
import { createBehaviourAction, updateBehaviourAction } from "@/lib/actions/catalogue";
import { behaviourSentence } from "@/lib/domain/behaviour";
import { compileTerms, videoTest, type Finding } from "@/lib/domain/video-test";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { BehaviourFormValues, EditorOptionsDto } from "@/lib/schemas/behaviour";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field, FormError } from "@/components/ui/field";
import { SelectField, TextAreaField } from "@/components/ui/form-controls";
import { TextLink } from "@/components/ui/text-link";
import { useFormAction } from "@/components/ui/use-form-action";

const EMPTY: BehaviourFormValues = {
  title: "",
  valueId: "",
  ownerId: "",
  actor: "",
  action: "",
  trigger: "",
  frequency: "",
  completionCriterion: "",
  customerOutcome: "",
  example: "",
  anchors: "How does this improve the customer's outcome?",
};

type Props = { options: EditorOptionsDto } & (
  { mode: "create" } | { mode: "edit"; id: string; version: number; initial: BehaviourFormValues }
);

function FindingsFor({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <ul className="mt-1 space-y-1">
      {findings.map((f, i) => (
        <li
          key={i}
          className="rounded border-l-4 border-amber-500 bg-amber-50 px-2 py-1 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {f.words.length > 0 && <strong>{f.words.map((w) => `“${w}”`).join(", ")}: </strong>}
          {f.message} {f.suggestion}
        </li>
      ))}
    </ul>
  );
}

/** The guided editor: one field per part of the behaviour, a live sentence and a live video test. */
export function BehaviourEditor(props: Props) {
  const [values, setValues] = useState<BehaviourFormValues>(props.mode === "edit" ? props.initial : EMPTY);
  // The mode never changes for a mounted editor, so one hook serves both actions.
  const [state, onSubmit, pending, feedback] = useFormAction<ActionResult<unknown>>(
    props.mode === "create" ? createBehaviourAction : updateBehaviourAction,
  );
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  // An organisation without values cannot file a behaviour anywhere: say where values are added.
  const noValues = props.options.values.length === 0;
  // The organisation's own terms are compiled once; the check itself runs on every keystroke.
  const terms = useMemo(() => compileTerms(props.options.videoTestTerms), [props.options.videoTestTerms]);
  const check = useMemo(() => videoTest(values, terms), [values, terms]);
  const sentence = behaviourSentence(values);
  // Beside each field: the words to rewrite. Missing parts are listed in the side panel only, so
  // an empty form does not shout at every field before anything was typed.
  const byField = (field: Finding["field"]) => check.findings.filter((f) => f.field === field && f.kind !== "missing");
  const bind = (name: keyof BehaviourFormValues) => ({
    name,
    value: values[name],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setValues((v) => ({ ...v, [name]: e.target.value })),
  });
  const hint = (field: Finding["field"], text: string) => (
    <>
      {text}
      <FindingsFor findings={byField(field)} />
    </>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="space-y-4">
        <FormError {...feedback} />
        {props.mode === "edit" && (
          <>
            <input type="hidden" name="id" value={props.id} />
            <input type="hidden" name="version" value={props.version} />
          </>
        )}
        <Field
          {...bind("title")}
          label="Title"
          error={errors.title}
          maxLength={120}
          hint={hint("title", "Short and specific, e.g. “Root cause on the ticket within 24 h”.")}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            {...bind("valueId")}
            label="Value"
            options={props.options.values}
            placeholder={noValues ? "No values yet" : "Choose a value…"}
            error={noValues && errors.valueId ? "Add a value first." : errors.valueId}
            hint={
              noValues ? (
                <>
                  Add a value first: values are the themes behaviours belong to.{" "}
                  <TextLink href="/catalogue#add-value">Add a value in the catalogue</TextLink>
                </>
              ) : undefined
            }
          />
          <SelectField
            {...bind("ownerId")}
            label="Owner (one named person)"
            options={props.options.owners}
            placeholder="Choose an owner…"
            error={errors.ownerId}
          />
        </div>
        <Field
          {...bind("actor")}
          label="Actor"
          error={errors.actor}
          maxLength={120}
          hint={hint("actor", "Who does it: a role or team, e.g. “The on-call engineer”.")}
        />
        <TextAreaField
          {...bind("action")}
          label="Action"
          error={errors.action}
          maxLength={300}
          hint={hint(
            "action",
            "What a camera would see: a verb and an artefact, e.g. “posts the root cause on the customer's ticket”.",
          )}
        />
        <Field
          {...bind("trigger")}
          label="Trigger / context"
          error={errors.trigger}
          maxLength={200}
          hint={hint("trigger", "When or where, e.g. “When a customer reports a defect”.")}
        />
        <Field
          {...bind("frequency")}
          label="Frequency or deadline"
          error={errors.frequency}
          maxLength={120}
          hint={hint("frequency", "Checkable, e.g. “within 24 hours”, “every sprint review”.")}
        />
        <TextAreaField
          {...bind("completionCriterion")}
          label="Done when (completion criterion)"
          error={errors.completionCriterion}
          maxLength={300}
          hint={hint(
            "completionCriterion",
            "How anyone can tell it happened, e.g. “A comment headed Root cause is on the ticket”.",
          )}
        />
        <TextAreaField
          {...bind("customerOutcome")}
          label="Customer outcome it serves"
          error={errors.customerOutcome}
          maxLength={300}
          hint="What changes for the customer when this is done."
        />
        <TextAreaField
          {...bind("example")}
          label="A real example"
          error={errors.example}
          maxLength={500}
          hint="Optional: one situation where someone did it."
        />
        <TextAreaField
          {...bind("anchors")}
          label="Decision questions (one per line)"
          error={errors.anchors}
          rows={3}
          hint="The questions a team asks itself in the moment."
        />
        <div className="flex flex-wrap gap-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : props.mode === "create" ? "Save draft" : "Save new version"}
          </Button>
          <Link
            href={props.mode === "edit" ? `/catalogue/${props.id}` : "/catalogue"}
            className={buttonClass("secondary")}
          >
            Cancel
          </Link>
        </div>
      </div>
      <aside className="space-y-4 lg:sticky lg:top-4 lg:self-start" aria-label="Preview">
        <section className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <h2 className="text-sm font-semibold text-slate-600 dark:text-slate-400">Preview</h2>
          <p className="mt-2 text-lg" data-testid="sentence">
            {sentence || (
              <span className="text-slate-500 dark:text-slate-400">
                Fill in the parts to see the behaviour as one sentence.
              </span>
            )}
          </p>
        </section>
        <section
          aria-live="polite"
          className={`rounded-lg border p-4 ${check.passes ? "border-emerald-300 bg-emerald-50 dark:border-emerald-800 dark:bg-emerald-950" : "border-amber-300 bg-amber-50 dark:border-amber-800 dark:bg-amber-950"}`}
        >
          <h2 className="text-sm font-semibold">Automatic video test</h2>
          <p className="mt-1 text-sm" data-testid="video-test-status">
            {check.passes
              ? "Passes: an outsider watching a video could confirm this happened."
              : `${check.findings.length} finding${check.findings.length === 1 ? "" : "s"}: a camera could not confirm this yet.`}
          </p>
          {!check.passes && (
            <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
              {check.findings.map((f, i) => (
                <li key={i}>{f.words.length ? `“${f.words.join("”, “")}” — ${f.message}` : f.message}</li>
              ))}
            </ul>
          )}
        </section>
      </aside>
    </form>
  );
}
