"use client";
import { barrierFromNotesAction } from "@/lib/actions/barrier-citations";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { NoteGroupDto } from "@/lib/schemas/barrier-citations";
import { COMB_LABELS, DETERMINANT_LABELS, optionsOf } from "@/lib/domain/labels";
import { formatDay } from "@/lib/domain/dates";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";

/** One group of similar "something else" texts, turned into a barrier in one click. */
function NoteGroupForm({ group, index }: { group: NoteGroupDto; index: number }) {
  const [state, onSubmit, pending, feedback] = useFormAction<ActionResult<unknown>>(barrierFromNotesAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const id = (name: string) => `group-${index}-${name}`;
  const heading = id("heading");
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <form onSubmit={onSubmit} noValidate aria-labelledby={heading} className="space-y-3">
        <h3 id={heading} className="text-sm font-semibold">
          {group.behaviourTitle}: {group.notes.length} {group.notes.length === 1 ? "text" : "similar texts"}
          {group.keywords.length > 0 && (
            <span className="font-normal text-slate-600 dark:text-slate-400"> ({group.keywords.join(", ")})</span>
          )}
        </h3>
        <FormError {...feedback} />
        <input type="hidden" name="behaviourId" value={group.behaviourId} />
        <fieldset className="space-y-1" aria-describedby={errors.observationIds ? id("ids-error") : undefined}>
          <legend className="text-sm font-medium">Texts to use as evidence</legend>
          <ul className="space-y-1 text-sm">
            {group.notes.map((n) => (
              <li key={n.id}>
                <label className="flex min-h-8 items-start gap-2">
                  <input type="checkbox" name="observationIds" value={n.id} defaultChecked className="mt-1 size-4" />
                  <span>
                    “{n.note}”{" "}
                    <span className="text-xs text-slate-500 dark:text-slate-400">
                      — {n.team}, {formatDay(n.day)}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {errors.observationIds && (
            <p id={id("ids-error")} className="text-sm text-red-700 dark:text-red-400">
              {errors.observationIds}
            </p>
          )}
        </fieldset>
        <Field
          id={id("title")}
          name="title"
          label="Barrier title"
          defaultValue={group.suggestedTitle}
          maxLength={120}
          error={errors.title}
        />
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            id={id("comB")}
            name="comB"
            label="COM-B component"
            defaultValue="PHYSICAL_OPPORTUNITY"
            options={optionsOf(COMB_LABELS)}
            error={errors.comB}
          />
          <SelectField
            id={id("determinant")}
            name="determinant"
            label="Barrier Analysis determinant"
            defaultValue="ACCESS"
            options={optionsOf(DETERMINANT_LABELS)}
            error={errors.determinant}
          />
        </div>
        <p className="text-xs text-slate-600 dark:text-slate-400">
          The barrier is linked to the behaviour, unscored until you score it, and the chosen entries then cite it. You
          can edit everything afterwards.
        </p>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Turn into a barrier"}
        </Button>
      </form>
    </li>
  );
}

export function NoteGroups({ groups }: { groups: NoteGroupDto[] }) {
  return (
    <ul className="space-y-3">
      {groups.map((g, i) => (
        <NoteGroupForm key={g.notes.map((n) => n.id).join(",")} group={g} index={i} />
      ))}
    </ul>
  );
}
