"use client";
import { useState } from "react";
import { useSafeActionState } from "@/components/ui/use-form-action";
import { changeRoleAction, eraseMemberAction, setMemberStatusAction } from "@/lib/actions/members";
import { ROLES, ROLE_LABELS } from "@/lib/domain/roles";
import type { MemberDto } from "@/lib/schemas/members";
import { Button } from "@/components/ui/button";
import { ResetLinkButton } from "./reset-link-button";

export function MemberRow({ member }: { member: MemberDto }) {
  const [roleState, roleAction, rolePending] = useSafeActionState(changeRoleAction, null);
  const [statusState, statusAction, statusPending] = useSafeActionState(setMemberStatusAction, null);
  const [eraseState, eraseAction, erasePending] = useSafeActionState(eraseMemberAction, null);
  const error =
    (roleState && !roleState.ok && (roleState.fieldErrors?.role ?? roleState.formError)) ||
    (statusState && !statusState.ok && statusState.formError) ||
    (eraseState && !eraseState.ok && eraseState.formError) ||
    undefined;
  const errorId = `member-${member.membershipId}-error`;
  const disabled = member.status === "DISABLED";
  // Someone from a backup import who has not accepted yet: their role can be set, nothing else.
  const invited = member.status === "INVITED";
  // Disabling ends the person's access on their next request: it asks first.
  const [confirming, setConfirming] = useState(false);
  const [confirmingErase, setConfirmingErase] = useState(false);
  if (member.erased) return <ErasedRow member={member} />;
  return (
    <tr className={disabled ? "opacity-70" : undefined}>
      <th scope="row" className="p-3 text-left font-medium">
        {member.name}{" "}
        {member.isYou && <span className="text-xs font-normal text-slate-500 dark:text-slate-400">(you)</span>}
        <div className="text-xs font-normal text-slate-500 dark:text-slate-400">{member.email}</div>
        {error && (
          <p id={errorId} role="alert" className="mt-1 text-xs font-normal text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
      </th>
      <td className="p-3">
        {/* Keyed by the saved role: after a save the control shows it, not the role it was reset to. */}
        <form key={member.role} action={roleAction} className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="membershipId" value={member.membershipId} />
          <label className="sr-only" htmlFor={`role-${member.membershipId}`}>
            Role of {member.name}
          </label>
          <select
            id={`role-${member.membershipId}`}
            name="role"
            defaultValue={member.role}
            aria-describedby={error ? errorId : undefined}
            className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" disabled={rolePending} className="min-h-8 px-2 py-1">
            Save
          </Button>
          {roleState?.ok && (
            <span role="status" className="text-xs text-emerald-800 dark:text-emerald-300">
              Saved: {ROLE_LABELS[member.role]}
            </span>
          )}
        </form>
      </td>
      <td className="p-3">{invited ? "Invited (not accepted yet)" : disabled ? "Disabled" : "Active"}</td>
      <td className="p-3">
        {!member.isYou && !disabled && !invited && (
          <ResetLinkButton membershipId={member.membershipId} name={member.name} />
        )}
      </td>
      <td className="p-3">
        {!member.isYou && disabled && !confirmingErase && (
          <div className="flex flex-wrap gap-1">
            <form action={statusAction}>
              <input type="hidden" name="membershipId" value={member.membershipId} />
              <input type="hidden" name="status" value="ACTIVE" />
              <Button type="submit" variant="secondary" disabled={statusPending} className="min-h-8 px-2 py-1">
                Enable {member.name}
              </Button>
            </form>
            <Button
              type="button"
              variant="danger"
              onClick={() => setConfirmingErase(true)}
              className="min-h-8 px-2 py-1"
            >
              Erase {member.name}
            </Button>
          </div>
        )}
        {!member.isYou && disabled && confirmingErase && (
          <form action={eraseAction} role="group" aria-label={`Erase ${member.name}?`} className="max-w-xs space-y-1">
            <p className="text-xs">
              Their name and e-mail leave this organisation for good: their entries become anonymous, and what they own
              or wrote stays under “Former member”. This cannot be undone.
            </p>
            <input type="hidden" name="membershipId" value={member.membershipId} />
            <div className="flex gap-1">
              <Button type="submit" variant="danger" disabled={erasePending} className="min-h-8 px-2 py-1">
                Yes, erase
              </Button>
              <Button
                type="button"
                variant="secondary"
                onClick={() => setConfirmingErase(false)}
                className="min-h-8 px-2 py-1"
              >
                Keep them
              </Button>
            </div>
          </form>
        )}
        {!member.isYou && !disabled && !invited && !confirming && (
          <Button type="button" variant="danger" onClick={() => setConfirming(true)} className="min-h-8 px-2 py-1">
            Disable {member.name}
          </Button>
        )}
        {!member.isYou && !disabled && !invited && confirming && (
          <form action={statusAction} role="group" aria-label={`Disable ${member.name}?`} className="space-y-1">
            <p className="text-xs">They lose access on their next request; you can enable them again.</p>
            <input type="hidden" name="membershipId" value={member.membershipId} />
            <input type="hidden" name="status" value="DISABLED" />
            <div className="flex gap-1">
              <Button type="submit" variant="danger" disabled={statusPending} className="min-h-8 px-2 py-1">
                Yes, disable
              </Button>
              <Button
                type="button"
                variant="secondary"
                onClick={() => setConfirming(false)}
                className="min-h-8 px-2 py-1"
              >
                Keep access
              </Button>
            </div>
          </form>
        )}
      </td>
    </tr>
  );
}

/** An erased membership: the stand-in's name, no address, nothing to change (docs/decisions/037). */
function ErasedRow({ member }: { member: MemberDto }) {
  return (
    <tr className="opacity-70">
      <th scope="row" className="p-3 text-left font-medium">
        {member.name}
      </th>
      <td className="p-3">{ROLE_LABELS[member.role]}</td>
      <td className="p-3">Erased</td>
      <td className="p-3" />
      <td className="p-3" />
    </tr>
  );
}
