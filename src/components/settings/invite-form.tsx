"use client";
import { useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { inviteAction } from "@/lib/actions/members";
import { ROLES, ROLE_LABELS } from "@/lib/domain/roles";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";

/** Creates a one-time link for the admin to copy; with an e-mail address, the invitation is e-mailed too. */
export function InviteForm() {
  const [state, onSubmit, pending, feedback] = useFormAction(inviteAction);
  const [copied, setCopied] = useState(false);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const link = state?.ok ? `${window.location.origin}/invite/${state.data.token}` : null;
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-[10rem_1fr_auto] sm:items-end">
        <div className="space-y-1">
          <label htmlFor="invite-role" className="block text-sm font-medium">
            Role
          </label>
          <select
            id="invite-role"
            name="role"
            defaultValue="MEMBER"
            className={inputClass}
            aria-describedby={errors.role ? "invite-role-error" : undefined}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          {errors.role && (
            <p id="invite-role-error" className="text-sm text-red-700 dark:text-red-400">
              {errors.role}
            </p>
          )}
        </div>
        <Field
          name="email"
          label="E-mail (optional: restricts the link to this person)"
          hint="The invitation is e-mailed there too."
          type="email"
          error={errors.email}
        />
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create invitation link"}
        </Button>
      </form>
      <FormError {...feedback} />
      {link && (
        <div
          role="status"
          className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950"
        >
          <p className="text-sm">
            {state?.ok && state.data.emailedTo
              ? `The invitation is e-mailed to ${state.data.emailedTo} (see the outbox); you can also send this link yourself.`
              : "Send this link to the person you invite."}{" "}
            It works once and expires in 7 days; it will not be shown again.
          </p>
          <div className="flex flex-wrap gap-2">
            <input
              readOnly
              value={link}
              aria-label="Invitation link"
              className={`${inputClass} flex-1 font-mono text-xs`}
              onFocus={(e) => e.currentTarget.select()}
            />
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(link).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy link"}
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
