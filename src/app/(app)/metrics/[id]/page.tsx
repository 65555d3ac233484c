import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { getMetric, metricOptions } from "@/lib/server/data/metrics";
import { currentDay } from "@/lib/domain/dates";
import { orNotFound } from "@/lib/server/pages";
import { can } from "@/lib/domain/roles";
import { TIMING_LABELS } from "@/lib/schemas/metrics";
import { buttonClass } from "@/components/ui/button-class";
import { Panel } from "@/components/ui/panel";
import { DeleteButton } from "@/components/ui/delete-button";
import { KindBadge, MetricStatus } from "@/components/metrics/metric-badges";
import { DIRECTION_LABELS } from "@/components/metrics/metric-labels";
import { ReadingsTable } from "@/components/metrics/readings-table";
import { MetricChart } from "@/components/metrics/metric-chart";
import { ReadingForm } from "@/components/metrics/reading-form";
import { MetricBehavioursForm } from "@/components/metrics/metric-behaviours-form";
import { TextLink } from "@/components/ui/text-link";

/** Under a list holding the latest readings only: how many it leaves out, and where every one is. */
function LatestOf({ shown, total }: { shown: number; total: number }) {
  if (total <= shown) return null;
  return (
    <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="readings-latest">
      The latest {shown} of {total} readings.{" "}
      <a href="/metrics/export" className="underline" download>
        Every reading, as CSV
      </a>
    </p>
  );
}

export const metadata = { title: "Metric" };

export default async function MetricPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireMemberPage("dashboards.view");
  const today = currentDay(ctx.timeZone);
  const manage = can(ctx.role, "metrics.manage", ctx.policy);
  const [m, options] = await Promise.all([orNotFound(getMetric(ctx, id, today)), manage ? metricOptions(ctx) : null]);
  return (
    <article className="max-w-4xl space-y-5">
      <TextLink href="/metrics" className="text-sm">
        ← Metrics
      </TextLink>
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">{m.name}</h1>
          <KindBadge kind={m.kind} />
          <span className="text-sm text-slate-600 dark:text-slate-400">
            {TIMING_LABELS[m.timing]} · {DIRECTION_LABELS[m.direction].toLowerCase()}
          </span>
        </div>
        <MetricStatus verdict={m.verdict} testId="metric-status" />
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="font-medium">Target</dt>
          <dd>{m.target ?? "None set"}</dd>
          <dt className="font-medium">Owner</dt>
          <dd>{m.ownerName ?? <span className="font-medium text-amber-800 dark:text-amber-300">⚠ No owner</span>}</dd>
          <dt className="font-medium">Tracked for</dt>
          <dd>{m.teams.length ? m.teams.map((t) => t.name).join(", ") : "The whole organisation"}</dd>
        </dl>
        {m.description && <p className="whitespace-pre-line text-sm">{m.description}</p>}
        {manage && (
          <div className="flex flex-wrap items-start gap-2">
            <Link href={`/metrics/${m.id}/edit`} className={buttonClass("secondary")}>
              Edit
            </Link>
            <DeleteButton type="metric" id={m.id} noun="metric" />
          </div>
        )}
      </header>

      <Panel id="readings-heading" title="Readings">
        {m.derivedFrom && (
          <p className="rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
            Computed weekly from the adoption of{" "}
            <TextLink href={`/catalogue/${m.derivedFrom.id}`}>{m.derivedFrom.title}</TextLink>: weeks with fewer than 5
            observed opportunities have no value. No readings are typed.
          </p>
        )}
        {m.readings.length > 1 && (
          <MetricChart name={m.name} unit={m.unit} readings={m.readings} target={m.targetValue} />
        )}
        {m.readings.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No readings yet.</p>
        ) : (
          <ReadingsTable
            caption={`Readings of ${m.name}, newest first`}
            rows={m.readings}
            unit={m.unit}
            weekly={m.derivedFrom !== null}
            testId="readings"
          />
        )}
        <LatestOf shown={m.readings.length} total={m.readingsTotal} />
        {m.teamReadings.length > 0 && (
          <>
            <h3 className="font-medium">By team</h3>
            <ReadingsTable
              caption={`Readings of ${m.name} by team, newest first`}
              rows={m.teamReadings}
              unit={m.unit}
              testId="team-readings"
            />
            <LatestOf shown={m.teamReadings.length} total={m.teamReadingsTotal} />
          </>
        )}
        {manage && !m.derivedFrom && options && (
          <div className="border-t border-slate-200 pt-3 dark:border-slate-800">
            <h3 className="mb-2 font-medium">Add a reading</h3>
            <ReadingForm metricId={m.id} unit={m.unit} today={today} teams={m.teams.length ? m.teams : options.teams} />
          </div>
        )}
      </Panel>

      <Panel id="behaviours-heading" title="Linked behaviours">
        {m.behaviours.length === 0 ? (
          <p className="text-sm font-medium text-amber-800 dark:text-amber-300">
            No behaviour is linked: nothing says what teams should do to move this metric.
          </p>
        ) : (
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {m.behaviours.map((b) => (
              <li key={b.id}>
                <TextLink href={`/catalogue/${b.id}`}>{b.title}</TextLink>
              </li>
            ))}
          </ul>
        )}
        {manage && options && (
          <div className="border-t border-slate-200 pt-3 dark:border-slate-800">
            <MetricBehavioursForm
              metricId={m.id}
              options={options.behaviours}
              selected={m.behaviours.map((b) => b.id)}
            />
          </div>
        )}
      </Panel>
    </article>
  );
}
