import type { ObservationFilter } from "@/lib/schemas/observations";
import { buttonClass } from "@/components/ui/button-class";
import { inputClass } from "@/components/ui/field";

type Option = { id: string; name: string };

/** GET form: the list's filters live in the URL, and the CSV export takes the same ones. */
export function ObservationFilters({
  filter,
  teams,
  behaviours,
}: {
  filter: ObservationFilter;
  teams: Option[];
  behaviours: Option[];
}) {
  const params = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])));
  const select = `${inputClass} sm:w-auto`;
  return (
    <form method="get" action="/log" className="mb-4 flex flex-wrap items-end gap-2" aria-label="Filter observations">
      <div className="space-y-1">
        <label htmlFor="obs-team" className="block text-xs font-medium">
          Team
        </label>
        <select id="obs-team" name="team" defaultValue={filter.team ?? ""} className={select}>
          <option value="">All teams</option>
          {teams.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="obs-behaviour" className="block text-xs font-medium">
          Behaviour
        </label>
        <select
          id="obs-behaviour"
          name="behaviour"
          defaultValue={filter.behaviour ?? ""}
          className={`${select} max-w-64`}
        >
          <option value="">All behaviours</option>
          {behaviours.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor="obs-from" className="block text-xs font-medium">
          From
        </label>
        <input id="obs-from" type="date" name="from" defaultValue={filter.from ?? ""} className={select} />
      </div>
      <div className="space-y-1">
        <label htmlFor="obs-to" className="block text-xs font-medium">
          To
        </label>
        <input id="obs-to" type="date" name="to" defaultValue={filter.to ?? ""} className={select} />
      </div>
      <button type="submit" className={buttonClass("secondary")}>
        Apply
      </button>
      <a href={`/log/export${params.size ? `?${params}` : ""}`} className={buttonClass("ghost")} download>
        Export these as CSV
      </a>
    </form>
  );
}
