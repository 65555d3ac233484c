"use client";
import { useTransition } from "react";
import { useSafeActionState } from "@/components/ui/use-form-action";
import { importOrganisationAction } from "@/lib/actions/backup";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import type { BackupImportResultDto } from "@/lib/schemas/backup";
import { InvitationLinks } from "./invitation-import-form";
import { counted } from "@/lib/domain/text";

const nf = new Intl.NumberFormat("en-GB");

const LABELS: [string, string, string][] = [
  ["users", "person", "people"],
  ["Membership", "membership", "memberships"],
  ["Team", "team", "teams"],
  ["Value", "value", "values"],
  ["Behaviour", "behaviour", "behaviours"],
  ["Observation", "observation", "observations"],
  ["Barrier", "barrier", "barriers"],
  ["Intervention", "intervention", "interventions"],
  ["Survey", "survey", "surveys"],
  ["SurveyRespondent", "survey response", "survey responses"],
  ["Metric", "metric", "metrics"],
  ["MetricReading", "metric reading", "metric readings"],
  ["CustomerFeedback", "customer feedback item", "customer feedback items"],
  ["Ritual", "ritual", "rituals"],
  ["RitualOccurrence", "meeting", "meetings"],
  ["ActionItem", "action", "actions"],
  ["Decision", "decision", "decisions"],
  ["Recognition", "recognition", "recognitions"],
  ["AuditEvent", "audit event", "audit events"],
];

function summary(r: BackupImportResultDto): string {
  const rows = LABELS.filter(([k]) => (r.rows[k] ?? 0) > 0).map(([k, one, other]) =>
    counted(r.rows[k]!, one, other, (n) => nf.format(n)),
  );
  const people = r.invitations.length
    ? ` ${r.invitations.length} ${r.invitations.length === 1 ? "person is" : "people are"} invited: they keep their records and join when they accept.`
    : "";
  const disabled = r.disabled
    ? ` ${r.disabled} disabled ${r.disabled === 1 ? "person was" : "people were"} not invited.`
    : "";
  const zone = r.zoneFromFile
    ? ` Days and weeks are read in ${r.timeZone}, the file's time zone: change it in Settings if this organisation works in another.`
    : ` The file names no time zone: days and weeks are read in ${r.timeZone}, this organisation's.`;
  return `Imported ${rows.join(", ")}.${people}${disabled}${zone}`;
}

/** The chosen file, gzip-compressed in the browser when it can (a backup shrinks about 15 times). */
async function compressed(form: FormData): Promise<FormData> {
  const file = form.get("content");
  if (!(file instanceof File) || file.size === 0 || typeof CompressionStream === "undefined") return form;
  const gz = await new Response(file.stream().pipeThrough(new CompressionStream("gzip"))).blob();
  form.set("content", new File([gz], `${file.name}.gz`, { type: "application/gzip" }));
  return form;
}

/**
 * Upload a backup file; errors appear beside the file field, the counts when it worked. Submitted in
 * a transition (not `action={…}`), so a failed import keeps the chosen file, as useFormAction does.
 */
export function BackupImportForm({ empty }: { empty: boolean }) {
  const [state, dispatch, pending] = useSafeActionState(importOrganisationAction, null);
  const [preparing, startTransition] = useTransition();
  const busy = pending || preparing;
  const error = state && !state.ok ? state.fieldErrors?.content : undefined;
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <p
          role="status"
          className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-200"
        >
          {summary(state.data)}
        </p>
        {state.data.invitations.length > 0 && <InvitationLinks links={state.data.invitations} days={30} />}
      </div>
    );
  }
  if (!empty) return null;
  const onSubmit = (e: React.FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    startTransition(async () => {
      const body = await compressed(form);
      startTransition(() => dispatch(body));
    });
  };
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <div className="space-y-1">
        <label htmlFor="backup-file" className="block text-sm font-medium">
          Backup file (.json)
        </label>
        <input
          id="backup-file"
          name="content"
          type="file"
          accept=".json,.gz,application/json,application/gzip"
          required
          className="block text-sm"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "backup-file-error" : undefined}
        />
        {error && (
          <p id="backup-file-error" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        )}
      </div>
      <Button type="submit" disabled={busy}>
        {busy ? "Importing… (this can take a minute)" : "Import backup"}
      </Button>
      <FormError message={state && !state.ok ? state.formError : undefined} />
    </form>
  );
}
