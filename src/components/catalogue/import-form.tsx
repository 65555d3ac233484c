"use client";
import { useActionState, useState } from "react";
import { commitImportAction, previewImportAction } from "@/lib/actions/transfer";
import { Button } from "@/components/ui/button";
import { FormError, inputClass } from "@/components/ui/field";

/** Choose a file (or paste), preview every row with its problems, then import all or nothing. */
export function ImportForm() {
  const [content, setContent] = useState("");
  const [preview, previewAction, previewing] = useActionState(previewImportAction, null);
  const [commit, commitAction, committing] = useActionState(commitImportAction, null);
  const data = preview?.ok ? preview.data : null;
  const contentError = preview && !preview.ok ? preview.fieldErrors?.content : undefined;
  return (
    <div className="space-y-4">
      <form action={previewAction} className="space-y-3">
        <div className="space-y-1">
          <label htmlFor="import-file" className="block text-sm font-medium">
            Catalogue file (CSV or JSON exported from Conduct)
          </label>
          <input
            id="import-file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            className="block text-sm"
            onChange={async (e) => setContent((await e.currentTarget.files?.[0]?.text()) ?? "")}
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
            onChange={(e) => setContent(e.target.value)}
            className={`${inputClass} font-mono text-xs`}
            aria-invalid={contentError ? true : undefined}
            aria-describedby={contentError ? "import-content-error" : undefined}
          />
          {contentError && <p id="import-content-error" className="text-sm text-red-700 dark:text-red-400">{contentError}</p>}
        </div>
        <Button type="submit" variant="secondary" disabled={previewing}>
          {previewing ? "Checking…" : "Preview import"}
        </Button>
        <FormError message={preview && !preview.ok ? preview.formError : undefined} />
      </form>

      {data && (
        <section aria-labelledby="preview-heading" className="space-y-3">
          <h2 id="preview-heading" className="text-lg font-semibold">Preview</h2>
          <FormError message={data.fileError ?? undefined} />
          {!data.fileError && (
            <>
              <p className="text-sm" role="status">
                {data.importable} of {data.rows.length} behaviours can be imported as drafts.
                {data.newValues.length > 0 && ` New values: ${data.newValues.join(", ")}.`}
              </p>
              <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
                <table className="w-full text-left text-sm">
                  <thead className="text-slate-600 dark:text-slate-400">
                    <tr>
                      <th scope="col" className="p-2 font-medium">Line</th>
                      <th scope="col" className="p-2 font-medium">Title</th>
                      <th scope="col" className="p-2 font-medium">Value</th>
                      <th scope="col" className="p-2 font-medium">Check</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                    {data.rows.map((r) => (
                      <tr key={r.line}>
                        <td className="p-2 tabular-nums">{r.line}</td>
                        <td className="p-2">{r.title || "—"}</td>
                        <td className="p-2">{r.value}</td>
                        <td className="p-2">
                          {r.errors.length === 0 ? <span className="text-emerald-700 dark:text-emerald-400">OK</span> : <span className="text-red-700 dark:text-red-400">{r.errors.join(" ")}</span>}
                          {r.warnings.length > 0 && <span className="block text-amber-700 dark:text-amber-400">{r.warnings.join(" ")}</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <form action={commitAction}>
                <input type="hidden" name="content" value={content} />
                <Button type="submit" disabled={committing || data.importable !== data.rows.length || data.rows.length === 0}>
                  {committing ? "Importing…" : `Import ${data.rows.length} behaviours`}
                </Button>
                <FormError message={commit && !commit.ok ? commit.formError : undefined} />
              </form>
            </>
          )}
        </section>
      )}
    </div>
  );
}
