"use client";
import { useState } from "react";
import { addVideoTestTermAction, removeVideoTestTermAction } from "@/lib/actions/video-test-terms";
import type { ActionResult } from "@/lib/schemas/action-result";
import { TERM_MAX, TERM_SUGGESTION_MAX } from "@/lib/domain/video-test";
import type { VideoTestTermDto } from "@/lib/schemas/video-test-terms";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";

/** Add a term: the field keeps what was typed next to an error, and clears after a save. */
export function AddTermForm() {
  const [state, onSubmit, pending, feedback] = useFormAction<ActionResult<string>>(addVideoTestTermAction);
  const [term, setTerm] = useState("");
  const [suggestion, setSuggestion] = useState("");
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  // After a save, clear the fields (once per result: compared with the last result seen).
  const [seen, setSeen] = useState(state);
  if (seen !== state) {
    setSeen(state);
    if (state?.ok) {
      setTerm("");
      setSuggestion("");
    }
  }
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Add a term">
      <FormError {...feedback} />
      <Field
        name="term"
        label="Term"
        value={term}
        onChange={(e) => setTerm(e.target.value)}
        maxLength={TERM_MAX + 20}
        error={errors.term}
        hint={`A word or phrase, up to ${TERM_MAX} characters. Case, hyphens and spaces do not matter: 'customer-obsessed' also catches 'Customer obsessed'.`}
      />
      <Field
        name="suggestion"
        label="What to write instead (optional)"
        value={suggestion}
        onChange={(e) => setSuggestion(e.target.value)}
        error={errors.suggestion}
        hint={`Shown beside the flag, up to ${TERM_SUGGESTION_MAX} characters.`}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add term"}
      </Button>
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Term added. The behaviour editor flags it from now on.
        </p>
      )}
    </form>
  );
}

function RemoveTerm({ term }: { term: VideoTestTermDto }) {
  const [, onSubmit, pending, feedback] = useFormAction<ActionResult<void>>(removeVideoTestTermAction);
  return (
    <form onSubmit={onSubmit} className="flex flex-col items-end gap-1">
      <input type="hidden" name="termId" value={term.id} />
      <Button type="submit" variant="ghost" disabled={pending} aria-label={`Remove ${term.term}`}>
        {pending ? "Removing…" : "Remove"}
      </Button>
      <FormError {...feedback} />
    </form>
  );
}

export function TermList({ terms }: { terms: VideoTestTermDto[] }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
      {terms.map((t) => (
        <li key={t.id} className="flex items-start justify-between gap-4 px-4 py-3">
          <div>
            <p className="font-medium">{t.term}</p>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {t.suggestion || "Generic advice: name the act and the evidence it leaves."}
              {t.addedBy && ` · added by ${t.addedBy}`}
            </p>
          </div>
          <RemoveTerm term={t} />
        </li>
      ))}
    </ul>
  );
}
