"use client";
import { useEffect, useRef, useState } from "react";
import { createTeamAction } from "@/lib/actions/teams";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";
import { RadioGroup } from "@/components/ui/choice-group";

const KINDS = [
  { id: "TEAM", name: "Team", hint: "People who log observations together." },
  { id: "VALUE_STREAM", name: "Value stream", hint: "A group of teams serving one kind of customer." },
];

/** Creates a team (optionally inside a value stream) or a value stream; the form stays for the next one. */
export function NewTeamForm({ streams }: { streams: { id: string; name: string }[] }) {
  const [state, onSubmit, pending, feedback] = useFormAction(createTeamAction);
  const [kind, setKind] = useState("TEAM");
  const form = useRef<HTMLFormElement>(null);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  useEffect(() => {
    if (!state?.ok) return;
    const name = form.current?.elements.namedItem("name");
    if (name instanceof HTMLInputElement) {
      name.value = "";
      name.focus();
    }
  }, [state]);
  return (
    <form
      ref={form}
      onSubmit={onSubmit}
      onChange={(e) => {
        const t = e.target;
        if (t instanceof HTMLInputElement && t.name === "kind") setKind(t.value);
      }}
      noValidate
      className="space-y-3"
      aria-label="Create a team or value stream"
    >
      <RadioGroup name="kind" legend="What to create" options={KINDS} selected="TEAM" error={errors.kind} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Field name="name" label="Name" autoComplete="off" maxLength={80} error={errors.name} required />
        {kind === "TEAM" && (
          <SelectField
            name="parentId"
            label="Value stream"
            options={streams}
            placeholder="None"
            defaultValue=""
            error={errors.parentId}
            hint={streams.length === 0 ? "Create a value stream first to group teams in it." : undefined}
          />
        )}
      </div>
      <FormError {...feedback} />
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          {state.data.kind === "TEAM" ? "Team created." : "Value stream created."} Add another, or open it below.
        </p>
      )}
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : kind === "TEAM" ? "Create team" : "Create value stream"}
      </Button>
    </form>
  );
}
