import Link from "next/link";
import { formatDay, dayOf } from "@/lib/domain/dates";
import type { DecisionFilter, DecisionRowDto } from "@/lib/schemas/decisions";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { inputClass } from "@/components/ui/field";
import { TextLink } from "@/components/ui/text-link";

type Option = { id: string; name: string };

export function decisionQuery(f: Partial<DecisionFilter>, extra: Record<string, string | undefined> = {}): string {
  const p = new URLSearchParams();
  if (f.team) p.set("team", f.team);
  if (f.ritual) p.set("ritual", f.ritual);
  if (f.status === "DRAFT") p.set("status", "DRAFT");
  for (const [k, v] of Object.entries(extra)) if (v) p.set(k, v);
  return p.toString();
}

/** GET form: team and ritual; the status is the tab above (decisions, drafts). */
export function DecisionFilters({
  filter,
  teams,
  rituals,
}: {
  filter: DecisionFilter;
  teams: Option[];
  rituals: Option[];
}) {
  const control = `${inputClass} sm:w-auto max-w-64`;
  return (
    <form
      method="get"
      action="/decisions"
      role="search"
      aria-label="Filter decisions"
      className="mb-4 flex flex-wrap items-end gap-2"
    >
      {filter.status === "DRAFT" && <input type="hidden" name="status" value="DRAFT" />}
      <div className="space-y-1">
        <label htmlFor="decisions-team" className="block text-xs font-medium">
          Team
        </label>
        <select id="decisions-team" name="team" defaultValue={filter.team ?? ""} className={control}>
          <option value="">Any team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="decisions-ritual" className="block text-xs font-medium">
          Ritual
        </label>
        <select id="decisions-ritual" name="ritual" defaultValue={filter.ritual ?? ""} className={control}>
          <option value="">Any meeting, or none</option>
          {rituals.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Show
      </Button>
      <a href={`/decisions/export?${decisionQuery(filter)}`} className={buttonClass("ghost")} download>
        Export CSV
      </a>
      <Link href="/decisions" className={buttonClass("ghost")}>
        Clear
      </Link>
    </form>
  );
}

/** `zone`: the reader's display zone. */
export function DecisionList({ rows, label, zone }: { rows: DecisionRowDto[]; label: string; zone: string }) {
  return (
    <ul
      aria-label={label}
      className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
    >
      {rows.map((d) => (
        <li key={d.id} className="space-y-1 p-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <TextLink href={`/decisions/${d.id}`} className="font-medium">
              {d.title}
            </TextLink>
            {d.status === "DRAFT" ? (
              <Badge tone="amber">Draft · {d.unanswered} unanswered</Badge>
            ) : (
              <Badge tone="green">Decided</Badge>
            )}
          </div>
          <p className="text-xs text-slate-600 dark:text-slate-400">
            {d.status === "DECIDED" && d.decidedAt
              ? `Decided by ${d.decidedByName ?? "a former member"} on ${formatDay(dayOf(new Date(d.decidedAt), zone))}`
              : `Drafted by ${d.createdByName} on ${formatDay(dayOf(new Date(d.createdAt), zone))}`}
            {d.teamName && <> · {d.teamName}</>}
            {d.ritualTitle && d.occurrenceDate && (
              <>
                {" "}
                · {d.ritualTitle}, {formatDay(d.occurrenceDate)}
              </>
            )}
            {d.behaviourTitle && <> · about “{d.behaviourTitle}”</>}
          </p>
        </li>
      ))}
    </ul>
  );
}
