import { formatAt } from "@/lib/domain/date-instants";
import { requireMemberPage } from "@/lib/server/context";
import { onboarding } from "@/lib/server/data/onboarding";
import { OnboardingChecklist } from "@/components/onboarding/checklist";
import { can } from "@/lib/domain/roles";
import { listRecentObservations } from "@/lib/server/data/observations";
import { logOptions } from "@/lib/server/data/observation-log";
import { missedBarrierOptions } from "@/lib/server/data/barrier-citations";
import { LogPad } from "@/components/log/log-pad";
import { KeepOffline } from "@/components/log/keep-offline";
import { BatchForm } from "@/components/log/batch-form";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { ObservationFilters } from "@/components/log/observation-filters";
import { ObservationFilter } from "@/lib/schemas/observations";
import { catalogueFacets } from "@/lib/server/data/catalogue";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Log" };

export default async function LogPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage("observations.log");
  const raw = await searchParams;
  const filter = ObservationFilter.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const [options, rows, facets, steps, missedBarriers] = await Promise.all([
    logOptions(ctx),
    listRecentObservations(ctx, filter),
    catalogueFacets(ctx),
    onboarding(ctx),
    missedBarrierOptions(ctx),
  ]);
  return (
    <>
      <OnboardingChecklist steps={steps} />
      <PageHeader
        title="Log"
        description="Saw a moment where a behaviour should happen? Tap it, then Performed or Missed."
      >
        <div className="flex flex-wrap gap-4 text-sm font-medium">
          {can(ctx.role, "observations.import", ctx.policy) && <TextLink href="/log/import">Import CSV</TextLink>}
          <TextLink href="/teams">Team adoption</TextLink>
          {can(ctx.role, "honesty.review", ctx.policy) && <TextLink href="/log/honesty">Honesty guard</TextLink>}
        </div>
      </PageHeader>
      <section aria-label="Log an observation" className="mb-10 max-w-2xl">
        <LogPad
          options={options}
          memberId={ctx.membershipId}
          manageTeams={can(ctx.role, "teams.manage", ctx.policy)}
          initialBehaviourId={filter.behaviour}
          initialTeamId={filter.team}
          missedBarriers={missedBarriers}
        />
        {options.teams.length > 0 && <KeepOffline />}
        {options.teams.length > 0 && (
          <details className="mt-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <summary className="cursor-pointer text-sm font-medium">
              Log a batch (several opportunities at once)
            </summary>
            <div className="mt-3">
              <BatchForm options={options} />
            </div>
          </details>
        )}
      </section>
      <h2 id="observations" className="mb-3 text-lg font-semibold">
        Recent observations
      </h2>
      <ObservationFilters
        filter={filter}
        teams={facets.teams}
        behaviours={options.behaviours.map((b) => ({ id: b.id, name: b.title }))}
      />
      {rows.length === 0 ? (
        <EmptyState>
          {Object.values(filter).some(Boolean) ? (
            <>
              No observation matches these filters. <TextLink href="/log#observations">Clear the filters</TextLink>
            </>
          ) : (
            "No observations yet. Log the first with the pad above: choose a behaviour, then Performed or Missed."
          )}
        </EmptyState>
      ) : (
        <ul
          aria-labelledby="observations"
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
        >
          {rows.map((o) => (
            <li key={o.id} className="flex flex-wrap items-start justify-between gap-2 p-3">
              <div className="min-w-0">
                <p className="font-medium">{o.behaviourTitle}</p>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {o.teamName} · {formatAt(o.occurredAt, ctx.timeZone)} · {o.observerName ?? "Anonymous"}
                </p>
                {o.note && <p className="mt-1 text-sm">{o.note}</p>}
              </div>
              <div className="flex gap-1">
                {o.performed > 0 && <Badge tone="green">Performed{o.performed > 1 ? ` × ${o.performed}` : ""}</Badge>}
                {o.missed > 0 && <Badge tone="amber">Missed{o.missed > 1 ? ` × ${o.missed}` : ""}</Badge>}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
