"use client";

export type Toast =
  { kind: "saved"; text: string; canUndo: boolean; error?: string } | { kind: "undone"; text: string } | null;

/**
 * The Log pad's one status region, fixed at the bottom of the viewport: it is wherever the finger
 * is, for the first behaviour of a long list as for the last, and it appears without pushing any
 * button down under the finger. Always in the page (empty when idle) so aria-live announces changes.
 */
export function LogToast({ toast, onUndo, undoing }: { toast: Toast; onUndo: () => void; undoing: boolean }) {
  return (
    <div className="pointer-events-none fixed inset-x-0 bottom-0 z-20 px-4 pb-[max(1rem,env(safe-area-inset-bottom))]">
      <div role="status" aria-live="polite" className="pointer-events-auto mx-auto max-w-2xl">
        {toast && (
          <div className="rounded-lg bg-slate-900 px-4 py-3 text-sm text-white shadow-lg dark:bg-slate-100 dark:text-slate-900">
            <div className="flex items-center justify-between gap-3">
              <span>
                {toast.kind === "saved" ? "Saved." : "Undone."} {toast.text}
              </span>
              {toast.kind === "saved" && toast.canUndo && (
                <button
                  type="button"
                  onClick={onUndo}
                  aria-disabled={undoing || undefined}
                  className="min-h-10 rounded-md px-3 py-2 font-semibold underline aria-disabled:opacity-60"
                >
                  {undoing ? "Undoing…" : "Undo"}
                </button>
              )}
            </div>
            {toast.kind === "saved" && toast.error && (
              <p role="alert" className="mt-2 font-medium text-red-200 dark:text-red-800">
                {toast.error}
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
