import Link from "next/link";
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from "@/lib/domain/actions";
import { actionQuery, type ActionFilter } from "@/lib/schemas/actions";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { inputClass } from "@/components/ui/field";

const SCOPES = { mine: "My actions", all: "Everyone's", team: "A team's" } as const;

/** GET form: the filters live in the URL, so a view can be shared, and the export takes the same ones. */
export function ActionFilters({ filter, teams }: { filter: ActionFilter; teams: { id: string; name: string }[] }) {
  const control = `${inputClass} sm:w-auto`;
  return (
    <form
      method="get"
      action="/actions"
      role="search"
      aria-label="Filter actions"
      className="mb-4 flex flex-wrap items-end gap-2"
    >
      <div className="space-y-1">
        <label htmlFor="actions-scope" className="block text-xs font-medium">
          Whose
        </label>
        <select id="actions-scope" name="scope" defaultValue={filter.scope} className={control}>
          {Object.entries(SCOPES).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="actions-team" className="block text-xs font-medium">
          Team (with “A team&apos;s”)
        </label>
        <select id="actions-team" name="team" defaultValue={filter.team ?? ""} className={`${control} max-w-64`}>
          <option value="">Any team</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="actions-status" className="block text-xs font-medium">
          Status
        </label>
        <select id="actions-status" name="status" defaultValue={filter.status ?? ""} className={control}>
          <option value="">Any status</option>
          {ACTION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {ACTION_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <label className="flex min-h-10 items-center gap-2 text-sm">
        <input type="checkbox" name="overdue" value="1" defaultChecked={filter.overdue} className="size-4" />
        Overdue only
      </label>
      <Button type="submit" variant="secondary">
        Show
      </Button>
      <a href={`/actions/export?${actionQuery(filter)}`} className={buttonClass("ghost")} download>
        Export CSV
      </a>
      <Link href="/actions" className={buttonClass("ghost")}>
        Clear
      </Link>
    </form>
  );
}
