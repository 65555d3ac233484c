"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { deleteSsoConnectionAction, saveSsoConnectionAction, testSsoConnectionAction } from "@/lib/actions/sso";
import type { SsoConnectionDto, SsoTestResultDto } from "@/lib/schemas/sso";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/form-controls";

/** The provider's settings. The saved secret is never sent to the browser: blank keeps it. */
export function SsoConnectionForm({ connection }: { connection: SsoConnectionDto | null }) {
  const [state, onSubmit, pending, feedback] = useFormAction(saveSsoConnectionAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Single sign-on settings">
      <Field
        name="issuer"
        label="Issuer URL"
        type="url"
        defaultValue={connection?.issuer}
        error={errors.issuer}
        hint="As your provider states it, e.g. https://login.example.com/realms/acme (its discovery document is at this address + /.well-known/openid-configuration)."
        maxLength={500}
      />
      <Field
        name="clientId"
        label="Client id"
        defaultValue={connection?.clientId}
        error={errors.clientId}
        maxLength={255}
      />
      <Field
        name="clientSecret"
        label="Client secret"
        type="password"
        autoComplete="off"
        error={errors.clientSecret}
        hint={
          connection?.hasSecret
            ? "A secret is saved (it is stored encrypted and never shown). Leave blank to keep it."
            : "Stored encrypted; never shown again."
        }
        maxLength={1000}
      />
      <TextAreaField
        name="domains"
        label="E-mail domains"
        rows={3}
        defaultValue={connection?.domains.join("\n")}
        error={errors.domains}
        hint="One per line, e.g. acme.com. People with these addresses sign in through this provider; a domain can belong to one organisation only."
      />
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="allowPassword"
          defaultChecked={connection?.allowPassword ?? true}
          className="mt-0.5 size-5"
          aria-describedby="allow-password-hint"
        />
        <span>
          Password sign-in stays allowed for these domains
          <span id="allow-password-hint" className="block text-xs text-slate-600 dark:text-slate-400">
            Untick to make everyone with these addresses sign in through the provider. Test the connection first.
          </span>
        </span>
      </label>
      <FormError {...feedback} />
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Single sign-on settings saved.
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save settings"}
      </Button>
    </form>
  );
}

export function SsoTestButton() {
  const [state, onSubmit, pending, feedback] = useFormAction(testSsoConnectionAction);
  const result = state?.ok ? (state.data as SsoTestResultDto) : undefined;
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label="Test the connection">
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Testing…" : "Test connection"}
      </Button>
      <FormError {...feedback} />
      {result && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Connection works: {result.issuer} answers, and signs people in at {result.authorizationEndpoint}.
        </p>
      )}
    </form>
  );
}

export function SsoRemoveButton() {
  const [, onSubmit, pending, feedback] = useFormAction(deleteSsoConnectionAction);
  return (
    <form
      onSubmit={(e) => {
        if (!window.confirm("Remove single sign-on? People of these domains then sign in with a password.")) {
          e.preventDefault();
          return;
        }
        onSubmit(e);
      }}
      className="space-y-2"
      aria-label="Remove single sign-on"
    >
      <Button type="submit" variant="ghost" disabled={pending}>
        Remove single sign-on
      </Button>
      <FormError {...feedback} />
    </form>
  );
}
