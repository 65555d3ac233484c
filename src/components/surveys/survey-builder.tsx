"use client";
import { useState } from "react";
import Link from "next/link";
import { createSurveyAction } from "@/lib/actions/surveys";
import {
  DETERMINANT_TEMPLATES,
  DETERMINANTS,
  screeningTemplate,
  TEMPLATE_RESPONSES,
  type Determinant,
  type Group,
  type QuestionKind,
} from "@/lib/domain/surveys";
import { DETERMINANT_LABELS, GROUP_LABELS, optionsOf } from "@/lib/domain/labels";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";

interface Draft {
  key: number;
  text: string;
  kind: QuestionKind;
  determinant: Determinant | null;
  multiple: boolean;
  options: { label: string; classifies: Group | null }[];
}

let nextKey = 1;
const screening = (action: string): Draft => ({
  key: nextKey++,
  kind: "SCREENING",
  determinant: null,
  multiple: false,
  ...screeningTemplate(action),
});
const determinantQuestion = (d: Determinant): Draft => ({
  key: nextKey++,
  kind: "DETERMINANT",
  determinant: d,
  multiple: false,
  text: DETERMINANT_TEMPLATES[d],
  options: TEMPLATE_RESPONSES[d].map((label) => ({ label, classifies: null })),
});

/**
 * The survey builder: screening questions that sort doers from non-doers, then questions about the
 * chosen determinants, each starting from Barrier Analysis' standard wording (editable).
 */
export function SurveyBuilder({
  behaviours,
  today,
}: {
  behaviours: { id: string; name: string; action: string }[];
  /** The organisation's today: the earliest closing day. */
  today: string;
}) {
  const [state, onSubmit, pending, feedback] = useFormAction(createSurveyAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const [behaviourId, setBehaviourId] = useState("");
  const [questions, setQuestions] = useState<Draft[]>(() => [screening("")]);
  const [adding, setAdding] = useState<Determinant>("SELF_EFFICACY");

  const update = (key: number, change: (q: Draft) => Draft) =>
    setQuestions((qs) => qs.map((q) => (q.key === key ? change(q) : q)));
  const chooseBehaviour = (id: string) => {
    const previous = behaviours.find((b) => b.id === behaviourId)?.action ?? "";
    const next = behaviours.find((b) => b.id === id)?.action ?? "";
    setBehaviourId(id);
    // Follow the behaviour in the default screening question, unless its text was edited.
    setQuestions((qs) =>
      qs.map((q) =>
        q.kind === "SCREENING" && q.text === screeningTemplate(previous).text
          ? { ...q, text: screeningTemplate(next).text }
          : q,
      ),
    );
  };
  const payload = JSON.stringify(questions.map(({ key: _k, ...q }) => q));

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-4xl space-y-5">
      <FormError {...feedback} />
      <Field
        name="title"
        label="Survey title"
        error={errors.title}
        maxLength={120}
        hint="e.g. “Root cause within 24 h: what stops us? (Q1)”"
      />
      <SelectField
        name="behaviourId"
        label="Behaviour"
        options={behaviours}
        placeholder="Choose a behaviour…"
        value={behaviourId}
        onChange={(e) => chooseBehaviour(e.target.value)}
        error={errors.behaviourId}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          name="prevalencePct"
          label="Estimated prevalence (%)"
          type="number"
          min={1}
          max={99}
          step="any"
          placeholder="10"
          error={errors.prevalencePct}
          hint="The share of people who do the behaviour today, if known. Used for the estimated relative risk; 10% when empty."
        />
        <Field
          name="closesOn"
          label="Closes on"
          type="date"
          min={today}
          error={errors.closesOn}
          hint="The last day it takes responses. Those who have not answered are reminded the day before. Empty: open until you close it."
        />
        <label className="flex min-h-10 items-start gap-2 pt-6 text-sm">
          <input type="checkbox" name="anonymous" defaultChecked className="mt-0.5 size-4" />
          <span>
            Anonymous responses
            <span className="block text-xs text-slate-600 dark:text-slate-400">
              No name is stored with an answer; each member can still answer only once.
            </span>
          </span>
        </label>
      </div>
      <input type="hidden" name="questions" value={payload} />

      <section aria-labelledby="questions-heading" className="space-y-3">
        <h2 id="questions-heading" className="text-lg font-semibold">
          Questions
        </h2>
        {errors.questions && (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400" id="questions-error">
            {errors.questions}
          </p>
        )}
        <ol className="space-y-3">
          {questions.map((q, n) => (
            <li
              key={q.key}
              className="space-y-2 rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900"
              data-testid="survey-question"
            >
              <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
                <strong>
                  {n + 1}. {q.kind === "SCREENING" ? "Screening" : DETERMINANT_LABELS[q.determinant ?? ""]}
                </strong>
                <Button
                  type="button"
                  variant="ghost"
                  onClick={() => setQuestions((qs) => qs.filter((x) => x.key !== q.key))}
                  aria-label={`Remove question ${n + 1}`}
                >
                  Remove
                </Button>
              </div>
              <label className="block text-sm">
                <span className="sr-only">Question {n + 1} text</span>
                <input
                  className={inputClass}
                  value={q.text}
                  maxLength={300}
                  aria-label={`Question ${n + 1} text`}
                  onChange={(e) => update(q.key, (x) => ({ ...x, text: e.target.value }))}
                />
              </label>
              {q.kind === "DETERMINANT" && (
                <label className="flex items-center gap-2 text-sm">
                  <input
                    type="checkbox"
                    checked={q.multiple}
                    onChange={(e) => update(q.key, (x) => ({ ...x, multiple: e.target.checked }))}
                    className="size-4"
                  />{" "}
                  Several responses may be chosen
                </label>
              )}
              <ul className="space-y-1">
                {q.options.map((o, i) => (
                  <li key={i} className="flex flex-wrap items-center gap-2">
                    <input
                      className={`${inputClass} max-w-xs`}
                      value={o.label}
                      maxLength={120}
                      aria-label={`Question ${n + 1}, response ${i + 1}`}
                      onChange={(e) =>
                        update(q.key, (x) => ({
                          ...x,
                          options: x.options.map((y, j) => (j === i ? { ...y, label: e.target.value } : y)),
                        }))
                      }
                    />
                    {q.kind === "SCREENING" && (
                      <select
                        className={`${inputClass} max-w-[10rem]`}
                        aria-label={`Question ${n + 1}, response ${i + 1}: group`}
                        value={o.classifies ?? ""}
                        onChange={(e) =>
                          update(q.key, (x) => ({
                            ...x,
                            options: x.options.map((y, j) =>
                              j === i ? { ...y, classifies: (e.target.value || null) as Group | null } : y,
                            ),
                          }))
                        }
                      >
                        <option value="">Group…</option>
                        {optionsOf(GROUP_LABELS).map((g) => (
                          <option key={g.id} value={g.id}>
                            {g.name}
                          </option>
                        ))}
                      </select>
                    )}
                    {q.options.length > 2 && (
                      <Button
                        type="button"
                        variant="ghost"
                        onClick={() => update(q.key, (x) => ({ ...x, options: x.options.filter((_, j) => j !== i) }))}
                        aria-label={`Remove response ${i + 1} of question ${n + 1}`}
                      >
                        ✕
                      </Button>
                    )}
                  </li>
                ))}
              </ul>
              {q.options.length < 12 && (
                <Button
                  type="button"
                  variant="ghost"
                  onClick={() =>
                    update(q.key, (x) => ({ ...x, options: [...x.options, { label: "", classifies: null }] }))
                  }
                >
                  + Response
                </Button>
              )}
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap items-end gap-2 rounded-lg border border-dashed border-slate-300 p-3 dark:border-slate-700">
          <label className="space-y-1 text-sm">
            <span className="block font-medium">Determinant to ask about</span>
            <select className={inputClass} value={adding} onChange={(e) => setAdding(e.target.value as Determinant)}>
              {DETERMINANTS.map((d) => (
                <option key={d} value={d}>
                  {DETERMINANT_LABELS[d]}
                </option>
              ))}
            </select>
          </label>
          <Button
            type="button"
            variant="secondary"
            onClick={() => setQuestions((qs) => [...qs, determinantQuestion(adding)])}
          >
            Add determinant question
          </Button>
          <Button
            type="button"
            variant="ghost"
            onClick={() => setQuestions((qs) => [...qs, { ...screening(""), text: "" }])}
          >
            Add screening question
          </Button>
        </div>
      </section>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create survey"}
        </Button>
        <Link href="/surveys" className={buttonClass("secondary")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
