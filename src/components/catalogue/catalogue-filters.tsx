import Link from "next/link";
import type { CatalogueFacetsDto, CatalogueFilter } from "@/lib/schemas/catalogue";
import { STATUS_LABELS } from "@/lib/schemas/catalogue";
import { buttonClass } from "@/components/ui/button-class";
import { inputClass } from "@/components/ui/field";

type Key = keyof CatalogueFilter;

function hrefWithout(filter: CatalogueFilter, key: Key): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v && k !== key) params.set(k, v);
  const qs = params.toString();
  return qs ? `/catalogue?${qs}` : "/catalogue";
}

/** A plain GET form: the filters live in the URL, so a view can be shared, and it works without script. */
export function CatalogueFilters({ filter, facets }: { filter: CatalogueFilter; facets: CatalogueFacetsDto }) {
  const chips: { key: Key; label: string }[] = [];
  if (filter.q) chips.push({ key: "q", label: `“${filter.q}”` });
  if (filter.value)
    chips.push({ key: "value", label: facets.values.find((v) => v.id === filter.value)?.name ?? "Value" });
  if (filter.team)
    chips.push({ key: "team", label: `Team: ${facets.teams.find((t) => t.id === filter.team)?.name ?? "?"}` });
  if (filter.owner)
    chips.push({ key: "owner", label: `Owner: ${facets.owners.find((o) => o.id === filter.owner)?.name ?? "?"}` });
  if (filter.status) chips.push({ key: "status", label: STATUS_LABELS[filter.status] });
  const select = `${inputClass} sm:w-auto`;
  return (
    <div className="mb-6 space-y-3">
      <form method="get" action="/catalogue" role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-48 flex-1">
          <label htmlFor="catalogue-q" className="sr-only">
            Search behaviours
          </label>
          <input
            id="catalogue-q"
            type="search"
            name="q"
            defaultValue={filter.q ?? ""}
            placeholder="Search all fields…"
            className={inputClass}
            maxLength={100}
          />
        </div>
        <label className="sr-only" htmlFor="catalogue-value">
          Value
        </label>
        <select id="catalogue-value" name="value" defaultValue={filter.value ?? ""} className={select}>
          <option value="">All values</option>
          {facets.values.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
        {facets.teams.length > 0 && (
          <>
            <label className="sr-only" htmlFor="catalogue-team">
              Team
            </label>
            <select id="catalogue-team" name="team" defaultValue={filter.team ?? ""} className={select}>
              <option value="">All teams</option>
              {facets.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </>
        )}
        <label className="sr-only" htmlFor="catalogue-owner">
          Owner
        </label>
        <select id="catalogue-owner" name="owner" defaultValue={filter.owner ?? ""} className={select}>
          <option value="">All owners</option>
          {facets.owners.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        <label className="sr-only" htmlFor="catalogue-status">
          Status
        </label>
        <select id="catalogue-status" name="status" defaultValue={filter.status ?? ""} className={select}>
          <option value="">All statuses</option>
          {Object.entries(STATUS_LABELS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        <button type="submit" className={buttonClass("secondary")}>
          Apply
        </button>
      </form>
      {chips.length > 0 && (
        <ul className="flex flex-wrap gap-2" aria-label="Active filters">
          {chips.map((c) => (
            <li key={c.key}>
              <Link
                href={hrefWithout(filter, c.key)}
                className="inline-flex items-center gap-1 rounded-full bg-brand-100 px-3 py-1 text-sm text-brand-700 hover:bg-brand-50 dark:bg-brand-700/40 dark:text-brand-100"
                aria-label={`Remove filter ${c.label}`}
              >
                {c.label} <span aria-hidden>×</span>
              </Link>
            </li>
          ))}
          <li>
            <Link href="/catalogue" className="inline-flex px-2 py-1 text-sm underline">
              Clear all
            </Link>
          </li>
        </ul>
      )}
    </div>
  );
}
