"use client";
import { createPasswordResetAction } from "@/lib/actions/password-resets";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** Makes a one-time password reset link for the admin to hand over, and e-mails it when asked. */
export function ResetLinkButton({ membershipId, name }: { membershipId: string; name: string }) {
  const [state, onSubmit, pending] = useFormAction(createPasswordResetAction);
  const link = state?.ok ? `${window.location.origin}/reset-password/${state.data.token}` : null;
  return (
    <form onSubmit={onSubmit} className="space-y-1">
      <input type="hidden" name="membershipId" value={membershipId} />
      <label className="flex items-center gap-1 text-xs">
        <input type="checkbox" name="email" className="size-3.5" />
        <span>Also e-mail it to {name}</span>
      </label>
      <Button type="submit" variant="secondary" disabled={pending} className="min-h-8 px-2 py-1">
        {pending ? "Making…" : `Reset link for ${name}`}
      </Button>
      {state && !state.ok && (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {state.formError}
        </p>
      )}
      {link && (
        <div role="status" className="space-y-1 text-xs">
          <p>
            {state?.ok && state.data.emailedTo
              ? `E-mailed to ${state.data.emailedTo}; you can also give it to ${name} yourself.`
              : `Give this link to ${name} yourself.`}{" "}
            It works once, for 30 minutes, and signs them out everywhere.
          </p>
          <input
            readOnly
            value={link}
            aria-label={`Password reset link for ${name}`}
            className={`${inputClass} font-mono text-xs`}
            onFocus={(e) => e.currentTarget.select()}
          />
        </div>
      )}
    </form>
  );
}
