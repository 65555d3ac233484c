"use client";
import { useState } from "react";
import { bctGroups, NO_SUGGESTION_REASON, suggestedTechniques, type Bct } from "@/lib/domain/bct";
import { FUNCTION_LABELS, type InterventionFunction } from "@/lib/domain/interventions";

const GROUPS = bctGroups();

/**
 * The behaviour change techniques an intervention uses (BCTTv1): those commonly used for the chosen function first,
 * then every other technique in its group. Each technique is listed once; a choice survives a change of function.
 */
export function TechniquePicker({ fn, error }: { fn: InterventionFunction | ""; error?: string }) {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const suggested = fn ? suggestedTechniques(fn) : [];
  const suggestedIds = new Set(suggested.map((t) => t.id));
  const chosenElsewhere = [...selected].filter((id) => !suggestedIds.has(id)).length;
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const box = (t: Bct) => (
    <label
      key={t.id}
      className="flex min-h-10 items-start gap-2 rounded-md px-1 py-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800"
    >
      <input
        type="checkbox"
        name="techniques"
        value={t.id}
        checked={selected.has(t.id)}
        onChange={(e) => toggle(t.id, e.target.checked)}
        className="mt-0.5 h-4 w-4"
      />
      <span>
        <span className="tabular-nums">{t.id}</span> {t.label}
        <span className="block text-xs text-slate-600 dark:text-slate-400">{t.definition}</span>
      </span>
    </label>
  );
  return (
    <fieldset
      className="space-y-2 rounded-lg border border-slate-200 p-4 dark:border-slate-800"
      aria-describedby={error ? "techniques-hint techniques-error" : "techniques-hint"}
      aria-invalid={error ? true : undefined}
    >
      <legend className="px-1 text-sm font-semibold">Behaviour change techniques (optional)</legend>
      <p id="techniques-hint" className="text-xs text-slate-600 dark:text-slate-400">
        What the intervention does, in the words of the Behaviour Change Technique Taxonomy (BCTTv1, Michie et al.
        2013): reports then compare interventions by technique.
      </p>
      {fn &&
        (suggested.length > 0 ? (
          <div role="group" aria-label={`Commonly used for ${FUNCTION_LABELS[fn].toLowerCase()}`}>
            <p className="text-sm font-medium">Commonly used for {FUNCTION_LABELS[fn].toLowerCase()}</p>
            <div className="grid gap-1 sm:grid-cols-2">{suggested.map(box)}</div>
          </div>
        ) : (
          <p className="text-sm">{NO_SUGGESTION_REASON[fn]}</p>
        ))}
      <details open={chosenElsewhere > 0 || undefined}>
        <summary className="cursor-pointer text-sm font-medium">
          {fn ? "Every other technique" : "All 93 techniques"}
          {chosenElsewhere > 0 ? ` · ${chosenElsewhere} chosen` : ""}
        </summary>
        <div className="mt-2 space-y-3">
          {GROUPS.map((g) => {
            const rest = g.techniques.filter((t) => !suggestedIds.has(t.id));
            return rest.length === 0 ? null : (
              <div key={g.number} role="group" aria-label={`${g.number}. ${g.label}`}>
                <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
                  {g.number}. {g.label}
                </p>
                <div className="grid gap-1 sm:grid-cols-2">{rest.map(box)}</div>
              </div>
            );
          })}
        </div>
      </details>
      {error && (
        <p id="techniques-error" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
