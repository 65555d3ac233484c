import { RESTORE_DAYS } from "@/lib/domain/trash";

/** Shown on a list after deleting one of its items (`?deleted=1`). */
export function DeletedNotice({ show }: { show: boolean }) {
  if (!show) return null;
  return (
    <p role="status" className="mb-4 rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
      Deleted. An admin can restore it from Settings → Deleted items within {RESTORE_DAYS} days.
    </p>
  );
}
