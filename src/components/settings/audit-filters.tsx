import Link from "next/link";
import { AUDIT_OUTCOMES, auditQuery, type AuditActorOptionDto, type AuditFilter } from "@/lib/schemas/audit-trail";
import { buttonClass } from "@/components/ui/button-class";
import { inputClass } from "@/components/ui/field";

const OUTCOME_LABELS: Record<(typeof AUDIT_OUTCOMES)[number], string> = {
  ok: "OK",
  denied: "Denied",
  failed: "Failed",
};

/** GET form: the filters live in the URL, so a view can be shared, and the export takes the same ones. */
export function AuditFilters({ filter, actors }: { filter: AuditFilter; actors: AuditActorOptionDto[] }) {
  const query = auditQuery(filter);
  const control = `${inputClass} sm:w-auto`;
  return (
    <form
      method="get"
      action="/settings/audit"
      role="search"
      aria-label="Filter audit events"
      className="mb-4 flex flex-wrap items-end gap-2"
    >
      <div className="space-y-1">
        <label htmlFor="audit-action" className="block text-xs font-medium">
          Action starts with
        </label>
        <input
          id="audit-action"
          name="action"
          defaultValue={filter.action ?? ""}
          placeholder="e.g. barrier"
          maxLength={60}
          className={control}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="audit-outcome" className="block text-xs font-medium">
          Outcome
        </label>
        <select id="audit-outcome" name="outcome" defaultValue={filter.outcome ?? ""} className={control}>
          <option value="">All outcomes</option>
          {AUDIT_OUTCOMES.map((o) => (
            <option key={o} value={o}>
              {OUTCOME_LABELS[o]}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="audit-actor" className="block text-xs font-medium">
          Actor
        </label>
        <select id="audit-actor" name="actor" defaultValue={filter.actor ?? ""} className={`${control} max-w-64`}>
          <option value="">Everyone</option>
          {actors.map((a) => (
            <option key={a.userId} value={a.userId}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="audit-from" className="block text-xs font-medium">
          From
        </label>
        <input id="audit-from" type="date" name="from" defaultValue={filter.from ?? ""} className={control} />
      </div>
      <div className="space-y-1">
        <label htmlFor="audit-to" className="block text-xs font-medium">
          To
        </label>
        <input id="audit-to" type="date" name="to" defaultValue={filter.to ?? ""} className={control} />
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
      {query && (
        <Link href="/settings/audit" className={buttonClass("ghost")}>
          Clear
        </Link>
      )}
      <a href={`/settings/audit/export${query ? `?${query}` : ""}`} className={buttonClass("ghost")} download>
        Export CSV
      </a>
    </form>
  );
}
