"use client";
import { formatAt } from "@/lib/domain/date-instants";
import { useDisplayZone } from "@/components/ui/calendar-context";
import { useSafeActionState } from "@/components/ui/use-form-action";
import { restoreVersionAction } from "@/lib/actions/catalogue";
import type { VersionDto } from "@/lib/schemas/behaviour";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

function RestoreButton({ behaviourId, restore, current }: { behaviourId: string; restore: number; current: number }) {
  const [state, action, pending] = useSafeActionState(restoreVersionAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="behaviourId" value={behaviourId} />
      <input type="hidden" name="restore" value={restore} />
      <input type="hidden" name="version" value={current} />
      <Button type="submit" variant="ghost" disabled={pending} className="min-h-8 px-2 py-1">
        Restore version {restore}
      </Button>
      {/* The button has no fields: any message, field or form, is shown here (issue 15, item 14). */}
      <FormError
        message={
          state && !state.ok ? (state.formError ?? Object.values(state.fieldErrors ?? {}).find(Boolean)) : undefined
        }
      />
    </form>
  );
}

export function VersionHistory({
  behaviourId,
  versions,
  current,
  canRestore,
}: {
  behaviourId: string;
  versions: VersionDto[];
  current: number;
  canRestore: boolean;
}) {
  const zone = useDisplayZone();
  return (
    <ol className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
      {versions.map((v) => (
        <li key={v.version} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span>
            <strong>Version {v.version}</strong>
            {v.version === current && " (current)"} · {v.editorName} · {formatAt(v.createdAt, zone, "dateTime")}
            <span className="block text-slate-600 dark:text-slate-400">
              {v.version === 1 ? "Created" : v.changed.length ? `Changed: ${v.changed.join(", ")}` : "No changes"}
            </span>
          </span>
          {canRestore && v.version !== current && (
            <RestoreButton behaviourId={behaviourId} restore={v.version} current={current} />
          )}
        </li>
      ))}
    </ol>
  );
}
