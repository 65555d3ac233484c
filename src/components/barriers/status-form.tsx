"use client";
import { useSafeActionState } from "@/components/ui/use-form-action";
import { changeBarrierStatusAction } from "@/lib/actions/barriers";
import { BARRIER_STATUS_LABELS } from "@/lib/domain/labels";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

/** The lifecycle moves open from here; the server re-checks each, and REMOVED against the evidence. */
export function BarrierStatusForm({ id, next }: { id: string; next: readonly string[] }) {
  const [state, run, pending] = useSafeActionState(changeBarrierStatusAction, null);
  if (next.length === 0) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {next.map((status) => (
          <form key={status} action={run}>
            <input type="hidden" name="id" value={id} />
            <input type="hidden" name="status" value={status} />
            <Button type="submit" variant={status === "REMOVED" ? "primary" : "secondary"} disabled={pending}>
              Mark {BARRIER_STATUS_LABELS[status]?.toLowerCase()}
            </Button>
          </form>
        ))}
      </div>
      <FormError message={state && !state.ok ? (state.formError ?? state.fieldErrors?.status) : undefined} />
    </div>
  );
}
