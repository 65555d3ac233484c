"use client";
import { useEffect, useRef } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { changeEmailAction, changePasswordAction, updateProfileNameAction } from "@/lib/actions/profile";
import type { ActionResult } from "@/lib/schemas/action-result";

function Saved({ show, children }: { show: boolean; children: React.ReactNode }) {
  return (
    <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
      {show ? children : null}
    </p>
  );
}

/** Clears the form (its password fields) once a save succeeded. */
function useResetOnSuccess(state: ActionResult<unknown> | null) {
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset();
  }, [state]);
  return form;
}

const errorsOf = (state: ActionResult<unknown> | null) => (state && !state.ok ? (state.fieldErrors ?? {}) : {});

export function NameForm({ name }: { name: string }) {
  const [state, onSubmit, pending, feedback] = useFormAction(updateProfileNameAction);
  const errors = errorsOf(state);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <Field name="name" label="Your name" defaultValue={name} autoComplete="name" maxLength={80} error={errors.name} />
      <FormError {...feedback} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          Save name
        </Button>
        <Saved show={!!state?.ok}>Name saved.</Saved>
      </div>
    </form>
  );
}

export function EmailForm({ email }: { email: string }) {
  const [state, onSubmit, pending, feedback] = useFormAction(changeEmailAction);
  const form = useResetOnSuccess(state);
  const errors = errorsOf(state);
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-3">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        You sign in with <strong className="text-slate-900 dark:text-slate-100">{email}</strong>.
      </p>
      <Field name="email" label="New e-mail address" type="email" autoComplete="email" error={errors.email} />
      <Field
        name="currentPassword"
        id="email-current-password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        hint="Needed to change the address you sign in with."
        error={errors.currentPassword}
      />
      <FormError {...feedback} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          Change e-mail
        </Button>
        <Saved show={!!state?.ok}>E-mail changed. Sign in with the new address from now on.</Saved>
      </div>
    </form>
  );
}

export function PasswordForm() {
  const [state, onSubmit, pending, feedback] = useFormAction(changePasswordAction);
  const form = useResetOnSuccess(state);
  const errors = errorsOf(state);
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="space-y-3">
      <Field
        name="currentPassword"
        id="password-current-password"
        label="Current password"
        type="password"
        autoComplete="current-password"
        error={errors.currentPassword}
      />
      <Field
        name="password"
        label="New password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters; a long phrase is best."
        error={errors.password}
      />
      <Field
        name="confirm"
        label="New password again"
        type="password"
        autoComplete="new-password"
        error={errors.confirm}
      />
      <FormError {...feedback} />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          Change password
        </Button>
        <Saved show={!!state?.ok}>Password changed. Every other browser has been signed out.</Saved>
      </div>
    </form>
  );
}
