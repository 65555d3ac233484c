"use client";
import { useState } from "react";
import { saveAnchorQuestionsAction } from "@/lib/actions/decisions";
import type { ActionResult } from "@/lib/schemas/action-result";
import type { AnchorListDto } from "@/lib/schemas/decisions";
import { MAX_ANCHOR_QUESTIONS } from "@/lib/domain/decisions";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError, inputClass } from "@/components/ui/field";

interface Row {
  key: number;
  id: string;
  text: string;
}

const rowsOf = (list: AnchorListDto): Row[] =>
  list.questions.map((q, i) => ({ key: i, id: q.id ?? "new", text: q.text }));

/**
 * The organisation's anchor questions as one list: add, reword, reorder, archive (remove from the
 * list). Saved together; the server refuses a list another admin changed meanwhile.
 */
export function AnchorQuestionsForm({ list }: { list: AnchorListDto }) {
  const [state, onSubmit, pending, feedback] = useFormAction<ActionResult<string>>(saveAnchorQuestionsAction);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(list));
  const [next, setNext] = useState(rows.length);
  // After a save the page sends the list as stored (new questions now have ids): start from it,
  // keeping the form (and its "saved" message) mounted.
  const [stamp, setStamp] = useState(list.stamp);
  if (stamp !== list.stamp) {
    setStamp(list.stamp);
    setRows(rowsOf(list));
    setNext(list.questions.length);
  }
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const move = (i: number, by: number) =>
    setRows((rs) => {
      const copy = [...rs];
      const [r] = copy.splice(i, 1);
      copy.splice(i + by, 0, r!);
      return copy;
    });
  const error = errors.texts ?? errors.ids;
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormError {...feedback} message={feedback.message ?? errors.stamp} />
      {state?.ok && (
        <p
          role="status"
          className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
        >
          Anchor questions saved. New decisions ask them; decisions already recorded keep the questions they answered.
        </p>
      )}
      <input type="hidden" name="stamp" value={list.stamp} />
      <ol className="space-y-3" aria-describedby={error ? "anchor-list-error" : undefined}>
        {rows.map((r, i) => (
          <li key={r.key} className="space-y-2 rounded-md border border-slate-200 p-3 dark:border-slate-800">
            <input type="hidden" name="ids" value={r.id} />
            <label htmlFor={`anchor-${r.key}`} className="block text-sm font-medium">
              Question {i + 1}
            </label>
            <input
              id={`anchor-${r.key}`}
              name="texts"
              value={r.text}
              onChange={(e) => setRows((rs) => rs.map((x) => (x.key === r.key ? { ...x, text: e.target.value } : x)))}
              maxLength={300}
              aria-invalid={error ? true : undefined}
              className={inputClass}
            />
            <div className="flex flex-wrap gap-2">
              <Button type="button" variant="ghost" disabled={i === 0} onClick={() => move(i, -1)}>
                Move up<span className="sr-only"> question {i + 1}</span>
              </Button>
              <Button type="button" variant="ghost" disabled={i === rows.length - 1} onClick={() => move(i, 1)}>
                Move down<span className="sr-only"> question {i + 1}</span>
              </Button>
              <Button
                type="button"
                variant="danger"
                disabled={rows.length === 1}
                onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}
              >
                Archive<span className="sr-only"> question {i + 1}</span>
              </Button>
            </div>
          </li>
        ))}
      </ol>
      {error && (
        <p id="anchor-list-error" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <p className="text-xs text-slate-600 dark:text-slate-400">
        At least one question must remain (archive is off for the last one). Changing the list never changes answers
        already given: each decision keeps the questions as it was asked them.
      </p>
      <div className="flex flex-wrap gap-3">
        <Button
          type="button"
          variant="secondary"
          disabled={rows.length >= MAX_ANCHOR_QUESTIONS}
          onClick={() => {
            setRows((rs) => [...rs, { key: next, id: "new", text: "" }]);
            setNext((n) => n + 1);
          }}
        >
          Add a question
        </Button>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save anchor questions"}
        </Button>
      </div>
    </form>
  );
}
