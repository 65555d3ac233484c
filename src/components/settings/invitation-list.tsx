"use client";
import { formatAt } from "@/lib/domain/date-instants";
import { useDisplayZone } from "@/components/ui/calendar-context";
import { useSafeActionState } from "@/components/ui/use-form-action";
import { revokeInvitationAction } from "@/lib/actions/members";
import { ROLE_LABELS } from "@/lib/domain/roles";
import type { InvitationDto } from "@/lib/schemas/members";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";

function RevokeButton({ id }: { id: string }) {
  const [state, action, pending] = useSafeActionState(revokeInvitationAction, null);
  return (
    <form action={action}>
      <input type="hidden" name="invitationId" value={id} />
      <Button type="submit" variant="ghost" disabled={pending} className="min-h-8 px-2 py-1">
        Revoke
      </Button>
      <FormError message={state && !state.ok ? state.formError : undefined} />
    </form>
  );
}

export function InvitationList({ invitations }: { invitations: InvitationDto[] }) {
  const zone = useDisplayZone();
  if (invitations.length === 0)
    return <p className="text-sm text-slate-500 dark:text-slate-400">No invitations yet.</p>;
  return (
    <ul className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
      {invitations.map((i) => (
        <li key={i.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
          <span>
            {ROLE_LABELS[i.role]} {i.email ? `for ${i.email}` : "(anyone with the link)"} · created{" "}
            {formatAt(i.createdAt, zone, "shortDay")} · {i.status}
          </span>
          {i.status === "pending" && <RevokeButton id={i.id} />}
        </li>
      ))}
    </ul>
  );
}
