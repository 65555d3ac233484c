"use client";
import { useId, useState } from "react";
import type { DashboardFilter, FilterOptionsDto } from "@/lib/schemas/dashboards";
import { filterSummary, PERIOD_LABELS, type Period } from "@/lib/domain/dashboard-filter";
import { inputClass } from "@/components/ui/field";
import { Button } from "@/components/ui/button";

type Shown = "period" | "stream" | "team" | "value";

/**
 * The filters live in the URL (a GET form), so a view can be bookmarked and shared. Changing a
 * filter applies it at once; the Apply button is there for keyboards and browsers without script.
 * On a phone several filters would fill the first screen, so they fold behind one "Filters" button
 * that names the filters in force; from the sm breakpoint up they are always shown.
 */
export function DashboardFilters({
  action,
  filter,
  options,
  show = ["period", "stream", "team", "value"],
  hidden = {},
}: {
  action: string;
  filter: DashboardFilter;
  options?: FilterOptionsDto;
  show?: Shown[];
  hidden?: Record<string, string | undefined>;
}) {
  const [open, setOpen] = useState(false);
  const formId = useId();
  const foldable = show.length > 1;
  const summary = filterSummary(filter, options, show).join(" · ");
  const select = `${inputClass} sm:w-auto`;
  const submit = (e: React.ChangeEvent<HTMLSelectElement>) => e.currentTarget.form?.requestSubmit();
  const field = (id: Shown, label: string, children: React.ReactNode, value: string | undefined) =>
    show.includes(id) && (
      <div className="space-y-1">
        <label htmlFor={`filter-${id}`} className="block text-xs font-medium text-slate-600 dark:text-slate-400">
          {label}
        </label>
        <select
          id={`filter-${id}`}
          name={id === "period" ? "period" : id}
          defaultValue={value ?? ""}
          onChange={submit}
          className={select}
        >
          {children}
        </select>
      </div>
    );
  return (
    <>
      {foldable && (
        <Button
          type="button"
          variant="secondary"
          aria-expanded={open}
          aria-controls={formId}
          onClick={() => setOpen((o) => !o)}
          className="mb-3 w-full justify-between text-left sm:hidden"
        >
          <span>
            Filters<span className="sr-only">:</span>
            <span className="ml-2 font-normal text-slate-600 dark:text-slate-400">{summary}</span>
          </span>
          <span aria-hidden>{open ? "▴" : "▾"}</span>
        </Button>
      )}
      <form
        id={formId}
        method="get"
        action={action}
        className={`mb-6 flex-wrap items-end gap-3 ${foldable && !open ? "hidden sm:flex" : "flex"}`}
        aria-label="Filters"
      >
        {Object.entries(hidden).map(([k, v]) => v && <input key={k} type="hidden" name={k} value={v} />)}
        {field(
          "period",
          "Period",
          (Object.keys(PERIOD_LABELS) as Period[]).map((p) => (
            <option key={p} value={p}>
              {PERIOD_LABELS[p]}
            </option>
          )),
          filter.period,
        )}
        {options &&
          field(
            "stream",
            "Value stream",
            <>
              <option value="">All value streams</option>
              {options.streams.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </>,
            filter.stream,
          )}
        {options &&
          field(
            "team",
            "Team",
            <>
              <option value="">All teams</option>
              {options.teams
                .filter((t) => !filter.stream || t.streamId === filter.stream)
                .map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
            </>,
            filter.team,
          )}
        {options &&
          field(
            "value",
            "Value",
            <>
              <option value="">All values</option>
              {options.values.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </>,
            filter.value,
          )}
        <Button type="submit" variant="secondary">
          Apply
        </Button>
      </form>
    </>
  );
}
