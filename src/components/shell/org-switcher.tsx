"use client";
import { useRef } from "react";
import { switchOrganizationAction } from "@/lib/actions/auth";
import type { OrganizationChoiceDto } from "@/lib/schemas/shell";

/** Switches organisation on change; the button keeps it usable without a pointer or script. */
export function OrgSwitcher({ current, choices }: { current: string; choices: OrganizationChoiceDto[] }) {
  const form = useRef<HTMLFormElement>(null);
  if (choices.length < 2) {
    return <span className="truncate text-sm font-medium">{choices[0]?.name}</span>;
  }
  return (
    <form ref={form} action={switchOrganizationAction} className="flex items-center gap-1">
      <label htmlFor="org-switcher" className="sr-only">
        Organisation
      </label>
      <select
        id="org-switcher"
        name="organizationId"
        defaultValue={current}
        onChange={() => form.current?.requestSubmit()}
        className="max-w-48 truncate rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900"
      >
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded-md border px-2 py-1 text-sm">
          Switch
        </button>
      </noscript>
    </form>
  );
}
