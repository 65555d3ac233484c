"use client";
import { useState } from "react";
import { useSafeActionState } from "@/components/ui/use-form-action";
import type { ActionResult } from "@/lib/schemas/action-result";
import { Button } from "./button";
import { FormError, inputClass } from "./field";
import { importBytes, importTooLarge, MAX_IMPORT_BYTES, MAX_IMPORT_LABEL } from "@/lib/domain/import-limits";
import { counted } from "@/lib/domain/text";

export interface PreviewRow {
  line: number;
  errors: string[];
  warnings?: string[];
}

export interface ImportPreview<R extends PreviewRow> {
  fileError: string | null;
  rows: R[];
  importable: number;
}

interface Props<R extends PreviewRow, P extends ImportPreview<R>> {
  fileLabel: string;
  accept: string;
  /** What a row is, singular and plural: ["person", "people"]. */
  noun: readonly [one: string, other: string];
  preview: (prev: unknown, form: FormData) => Promise<ActionResult<P>>;
  commit: (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;
  columns: { header: string; cell: (row: R) => React.ReactNode }[];
  summary?: (preview: P) => string;
  /** Extra fields both forms send, e.g. the record the import goes into. */
  hidden?: Record<string, string>;
  /** What to show once the import is done, for an import that answers instead of redirecting. */
  done?: (result: unknown) => React.ReactNode;
  /**
   * Why importing this file again would count things twice (from the preview), for imports that
   * refuse a repeat unless it is confirmed: shows the reason and an "Import again anyway" box.
   */
  repeat?: (preview: P) => string | null;
}

/** Choose a file (or paste), preview every row with its problems, then import all rows or none. */
export function ImportPanel<R extends PreviewRow, P extends ImportPreview<R>>({
  fileLabel,
  accept,
  noun,
  preview,
  commit,
  columns,
  summary,
  hidden = {},
  done,
  repeat,
}: Props<R, P>) {
  const hiddenInputs = Object.entries(hidden).map(([name, value]) => (
    <input key={name} type="hidden" name={name} value={value} />
  ));
  const [content, setContent] = useState("");
  // Said before sending: a body over the request limit would fail without reaching the schema.
  const [sizeError, setSizeError] = useState<string | null>(null);
  const [previewState, previewAction, previewing] = useSafeActionState(preview, null);
  const [commitState, commitAction, committing] = useSafeActionState(commit, null);
  const data = previewState?.ok ? previewState.data : null;
  if (done && commitState?.ok) return <div className="space-y-4">{done(commitState.data)}</div>;
  const contentError = sizeError ?? (previewState && !previewState.ok ? previewState.fieldErrors?.content : undefined);
  // The commit checks again under a lock: another import may have landed since the preview.
  const repeatReason =
    (commitState && !commitState.ok ? commitState.fieldErrors?.repeat : undefined) ??
    (data && repeat ? repeat(data) : null);
  return (
    <div className="space-y-4">
      <form
        action={previewAction}
        className="space-y-3"
        onSubmit={(e) => {
          const bytes = importBytes(content);
          const tooLarge = bytes > MAX_IMPORT_BYTES ? importTooLarge(bytes) : null;
          setSizeError(tooLarge);
          if (tooLarge) e.preventDefault();
        }}
      >
        {hiddenInputs}
        <div className="space-y-1">
          <label htmlFor="import-file" className="block text-sm font-medium">
            {fileLabel}
          </label>
          <p id="import-file-limit" className="text-sm text-slate-600 dark:text-slate-400">
            At most {MAX_IMPORT_LABEL}.
          </p>
          <input
            id="import-file"
            type="file"
            accept={accept}
            className="block text-sm"
            aria-describedby={contentError ? "import-file-limit import-content-error" : "import-file-limit"}
            onChange={async (e) => {
              const file = e.currentTarget.files?.[0];
              // A file far over the limit is not read into the page at all.
              if (file && file.size > MAX_IMPORT_BYTES * 2) {
                setSizeError(importTooLarge(file.size));
                setContent("");
                return;
              }
              const text = (await file?.text()) ?? "";
              setSizeError(importBytes(text) > MAX_IMPORT_BYTES ? importTooLarge(importBytes(text)) : null);
              setContent(text);
            }}
          />
        </div>
        <div className="space-y-1">
          <label htmlFor="import-content" className="block text-sm font-medium">
            …or paste its content
          </label>
          <textarea
            id="import-content"
            name="content"
            rows={5}
            value={content}
            onChange={(e) => {
              setSizeError(null);
              setContent(e.target.value);
            }}
            className={`${inputClass} font-mono text-xs`}
            aria-invalid={contentError ? true : undefined}
            aria-describedby={contentError ? "import-content-error" : undefined}
          />
          {contentError && (
            <p id="import-content-error" className="text-sm text-red-700 dark:text-red-400">
              {contentError}
            </p>
          )}
        </div>
        <Button type="submit" variant="secondary" disabled={previewing}>
          {previewing ? "Checking…" : "Preview import"}
        </Button>
        <FormError message={previewState && !previewState.ok ? previewState.formError : undefined} />
      </form>

      {data && (
        <section aria-labelledby="preview-heading" className="space-y-3">
          <h2 id="preview-heading" className="text-lg font-semibold">
            Preview
          </h2>
          <FormError message={data.fileError ?? undefined} />
          {!data.fileError && (
            <>
              <p className="text-sm" role="status">
                {summary
                  ? summary(data)
                  : `${data.importable} of ${counted(data.rows.length, ...noun)} can be imported.`}
              </p>
              <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
                <table className="w-full text-left text-sm">
                  <thead className="text-slate-600 dark:text-slate-400">
                    <tr>
                      <th scope="col" className="p-2 font-medium">
                        Line
                      </th>
                      {columns.map((c) => (
                        <th key={c.header} scope="col" className="p-2 font-medium">
                          {c.header}
                        </th>
                      ))}
                      <th scope="col" className="p-2 font-medium">
                        Check
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                    {data.rows.map((r) => (
                      <tr key={r.line}>
                        <td className="p-2 tabular-nums">{r.line}</td>
                        {columns.map((c) => (
                          <td key={c.header} className="p-2">
                            {c.cell(r)}
                          </td>
                        ))}
                        <td className="p-2">
                          {r.errors.length === 0 ? (
                            <span className="text-emerald-700 dark:text-emerald-400">OK</span>
                          ) : (
                            <span className="text-red-700 dark:text-red-400">{r.errors.join(" ")}</span>
                          )}
                          {r.warnings && r.warnings.length > 0 && (
                            <span className="block text-amber-700 dark:text-amber-400">{r.warnings.join(" ")}</span>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <form action={commitAction}>
                {hiddenInputs}
                <input type="hidden" name="content" value={content} />
                {repeatReason && (
                  <div className="mb-3 space-y-1">
                    <p id="import-repeat-reason" role="alert" className="text-sm text-amber-800 dark:text-amber-300">
                      {repeatReason}
                    </p>
                    <label className="flex min-h-10 items-center gap-2 text-sm">
                      <input type="checkbox" name="repeat" className="size-5" aria-describedby="import-repeat-reason" />
                      Import again anyway
                    </label>
                  </div>
                )}
                <Button
                  type="submit"
                  disabled={committing || data.importable !== data.rows.length || data.rows.length === 0}
                >
                  {committing ? "Importing…" : `Import ${counted(data.rows.length, ...noun)}`}
                </Button>
                <FormError message={commitState && !commitState.ok ? commitState.formError : undefined} />
              </form>
            </>
          )}
        </section>
      )}
    </div>
  );
}
