import { filterQuery, type DashboardFilter, type HeatmapDto } from "@/lib/schemas/dashboards";
import { TextLink } from "@/components/ui/text-link";

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Says when the heatmap shows only the busiest teams and behaviours of the period (issue 19: a
 * large organisation gets a readable page, not tens of thousands of cells), and links to all of them.
 */
export function HeatmapNote({ data, filter }: { data: HeatmapDto; filter: DashboardFilter }) {
  const bounded = data.teams.length < data.totalTeams || data.behaviours.length < data.totalBehaviours;
  if (filter.heatmap === "all" && data.totalTeams + data.totalBehaviours > 0) {
    const { heatmap: _all, ...rest } = filter;
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="heatmap-note">
        Showing all {count(data.totalTeams, "team", "teams")} and{" "}
        {count(data.totalBehaviours, "behaviour", "behaviours")}.{" "}
        <TextLink href={`/dashboards?${filterQuery(rest)}`}>Show only the busiest</TextLink>
      </p>
    );
  }
  if (!bounded) return null;
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="heatmap-note">
      Showing the busiest {count(data.teams.length, "team", "teams")} of {data.totalTeams} and{" "}
      {count(data.behaviours.length, "behaviour", "behaviours")} of {data.totalBehaviours} in the period (most
      opportunities first). Narrow the selection with the filters, or{" "}
      <TextLink href={`/dashboards?${filterQuery(filter, { heatmap: "all" })}`}>show all</TextLink>.
    </p>
  );
}
