"use client";
import { useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { createApiTokenAction } from "@/lib/actions/api-tokens";
import { API_SCOPES, SCOPE_LABELS } from "@/lib/domain/api-tokens";
import type { ApiTokenCreatedDto } from "@/lib/schemas/api";
import { Button } from "@/components/ui/button";
import { Field, FormError, inputClass } from "@/components/ui/field";
import { CheckboxGroup } from "@/components/ui/choice-group";

const SCOPE_OPTIONS = API_SCOPES.map((s) => ({ id: s, name: `${SCOPE_LABELS[s]} (${s})` }));

/** Make a token: its secret is shown once, here, right after. */
export function ApiTokenForm() {
  const [state, onSubmit, pending, feedback] = useFormAction(createApiTokenAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  const created = state?.ok ? (state.data as ApiTokenCreatedDto) : undefined;
  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Make an API token">
        <Field
          name="name"
          label="Name"
          error={errors.name}
          maxLength={80}
          hint="What will use it, e.g. “Ticket tool”."
        />
        <CheckboxGroup
          name="scopes"
          legend="What it may do"
          options={SCOPE_OPTIONS}
          selected={["observations:write", "catalogue:read"]}
          error={errors.scopes}
        />
        <Field
          name="expiresOn"
          label="Expires after (optional)"
          type="date"
          error={errors.expiresOn}
          hint="It works to the end of that day; leave blank for no expiry."
        />
        <FormError {...feedback} />
        <Button type="submit" disabled={pending}>
          {pending ? "Making…" : "Make token"}
        </Button>
      </form>
      {created && <TokenNotice token={created.token} />}
    </div>
  );
}

/** A token's secret, right after it is made: the one time it is shown. */
export function TokenNotice({ token, label = "API token" }: { token: string; label?: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      role="status"
      className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950"
    >
      <p className="text-sm">
        Token made. Copy it now: it will not be shown again. Send it as <code>Authorization: Bearer &lt;token&gt;</code>
        .
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          readOnly
          value={token}
          aria-label={label}
          className={`${inputClass} flex-1 font-mono text-xs`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(token).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy token"}
        </Button>
      </div>
    </div>
  );
}
