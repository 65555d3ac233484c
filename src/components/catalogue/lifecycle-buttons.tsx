"use client";
import { useSafeActionState } from "@/components/ui/use-form-action";
import Link from "next/link";
import { retireAction, submitForReviewAction, withdrawAction } from "@/lib/actions/catalogue";
import type { BehaviourStatus } from "@/lib/schemas/catalogue";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { FormError } from "@/components/ui/field";

function ActionButton({
  id,
  label,
  action,
  variant = "secondary",
}: {
  id: string;
  label: string;
  action: typeof submitForReviewAction;
  variant?: "primary" | "secondary" | "danger";
}) {
  const [state, run, pending] = useSafeActionState(action, null);
  return (
    <form action={run} className="space-y-2">
      <input type="hidden" name="behaviourId" value={id} />
      <Button type="submit" variant={variant} disabled={pending}>
        {label}
      </Button>
      <FormError message={state && !state.ok ? state.formError : undefined} />
    </form>
  );
}

/** What an editor can do next with this behaviour, by status. */
export function LifecycleButtons({ id, status }: { id: string; status: BehaviourStatus }) {
  return (
    <div className="flex flex-wrap items-start gap-2">
      {status !== "RETIRED" && (
        <Link href={`/catalogue/${id}/edit`} className={buttonClass("secondary")}>
          Edit
        </Link>
      )}
      {status === "DRAFT" && (
        <ActionButton id={id} label="Submit for review" action={submitForReviewAction} variant="primary" />
      )}
      {status === "IN_REVIEW" && <ActionButton id={id} label="Back to draft" action={withdrawAction} />}
      {status === "ACTIVE" && <ActionButton id={id} label="Retire" action={retireAction} variant="danger" />}
    </div>
  );
}
