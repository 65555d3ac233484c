import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import type { Metadata } from "next";
import { requireMemberPage } from "@/lib/server/context";
import { behaviourLinks, behaviourWeeks, getBehaviour } from "@/lib/server/data/catalogue";
import { AdoptionWeeks } from "@/components/adoption/adoption-weeks";
import { adaptableTeams, listVariants } from "@/lib/server/data/behaviour-variants";
import { VariantForm } from "@/components/catalogue/variant-form";
import { BARRIER_STATUS_LABELS } from "@/lib/domain/labels";
import { Badge } from "@/components/ui/badge";
import { listVersions, listVideoTests, reviewBlocker } from "@/lib/server/data/behaviour-review";
import { can } from "@/lib/domain/roles";
import { videoTest } from "@/lib/domain/video-test";
import { videoTestTerms } from "@/lib/server/data/video-test-terms";
import { LifecycleButtons } from "@/components/catalogue/lifecycle-buttons";
import { DeleteButton } from "@/components/ui/delete-button";
import { VideoTestForm } from "@/components/catalogue/video-test-form";
import { VideoTestRecord } from "@/components/catalogue/video-test-record";
import { VersionHistory } from "@/components/catalogue/version-history";
import { PrintButton } from "@/components/catalogue/print-button";
import { orNotFound } from "@/lib/server/pages";
import { formatRate } from "@/lib/domain/adoption";
import { StatusBadge } from "@/components/catalogue/status-badge";
import { CueSection } from "@/components/cues/cue-section";
import { cueSection } from "@/lib/server/data/cues";

export const metadata: Metadata = { title: "Behaviour" };

export default async function BehaviourPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireMemberPage();
  const b = await orNotFound(getBehaviour(ctx, id));
  const [tests, versions, variants, links, teams, weeks] = await Promise.all([
    listVideoTests(ctx, id),
    listVersions(ctx, id),
    listVariants(ctx, id),
    behaviourLinks(ctx, id),
    b.status === "ACTIVE" ? adaptableTeams(ctx) : Promise.resolve([]),
    behaviourWeeks(ctx, id),
  ]);
  const canEdit = can(ctx.role, "catalogue.edit", ctx.policy);
  const canReview = can(ctx.role, "catalogue.review", ctx.policy) && b.status === "IN_REVIEW";
  const blocker = canReview ? await reviewBlocker(ctx, id) : null;
  // Cues prompt an active behaviour (or one on its way to it); a retired one is not prompted any more.
  const cues = canEdit && b.status !== "RETIRED" ? await cueSection(ctx, id) : null;
  const automatic = videoTest(b, await videoTestTerms(ctx.orgId));
  const rows: [string, string][] = [
    ["Actor", b.actor],
    ["Action", b.action],
    ["Trigger / context", b.trigger],
    ["Frequency / deadline", b.frequency],
    ["Done when", b.completionCriterion],
    ["Customer outcome", b.customerOutcome],
    ["Example", b.example],
    ["Owner", b.ownerName],
  ];
  return (
    <article className="max-w-3xl print:max-w-none print:text-black">
      <Link href="/catalogue" className="text-sm text-brand-700 underline print:hidden dark:text-brand-300">
        ← Catalogue
      </Link>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{b.title}</h1>
        <StatusBadge status={b.status} />
      </div>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {b.valueName} · version {b.version} · written by {b.authorName}
      </p>
      <div className="mt-4 flex flex-wrap gap-2 print:hidden">
        {canEdit && (
          <div className="flex flex-wrap items-start gap-2">
            <LifecycleButtons id={b.id} status={b.status} />
            <DeleteButton type="behaviour" id={b.id} noun="behaviour" />
          </div>
        )}
        <PrintButton />
        {b.status === "ACTIVE" && (
          <Link href={`/recognition?for=${b.id}#recognise`} className={buttonClass("secondary")}>
            Recognise someone for this
          </Link>
        )}
      </div>
      <p className="mt-4 rounded-lg border-l-4 border-brand-600 bg-white p-4 text-lg print:border-black print:bg-white print:text-2xl dark:bg-slate-900">
        {b.sentence}
      </p>
      <dl className="mt-6 grid gap-x-6 gap-y-3 sm:grid-cols-[12rem_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-sm font-medium text-slate-600 dark:text-slate-400">{label}</dt>
            <dd className="text-sm">{value || "—"}</dd>
          </div>
        ))}
      </dl>
      {b.anchors.length > 0 && (
        <section className="mt-6">
          <h2 className="text-lg font-semibold">Decision questions</h2>
          <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
            {b.anchors.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </section>
      )}
      <section className="mt-8 print:hidden" aria-labelledby="video-test-heading">
        <h2 id="video-test-heading" className="text-lg font-semibold">
          Video test
        </h2>
        <p className="mt-1 text-sm">
          Automatic check:{" "}
          {automatic.passes ? "passes." : `${automatic.findings.length} finding(s) — edit the behaviour to fix them.`}
        </p>
        <div className="mt-3">
          <VideoTestRecord tests={tests} zone={ctx.displayTimeZone} />
        </div>
        {canReview && (
          <div className="mt-4 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <h3 className="mb-3 font-semibold">Run the human video test</h3>
            {blocker ? <p className="text-sm">{blocker}</p> : <VideoTestForm behaviourId={b.id} version={b.version} />}
          </div>
        )}
      </section>
      <section className="mt-8 print:hidden">
        <h2 className="text-lg font-semibold">Adoption, last 28 days</h2>
        <p className="mt-1 text-sm">
          <span className="text-2xl font-semibold">{formatRate(b.adoption28d.rate)}</span>{" "}
          <span className="text-slate-600 dark:text-slate-400">
            ({b.adoption28d.performed} performed of {b.adoption28d.opportunities} opportunities)
          </span>
        </p>
        <h3 className="mb-2 mt-4 text-sm font-semibold">By week, last 26 weeks</h3>
        <AdoptionWeeks points={weeks} />
      </section>
      {cues && <CueSection behaviourId={b.id} section={cues} />}
      <section className="mt-8" aria-labelledby="variants-heading">
        <h2 id="variants-heading" className="text-lg font-semibold">
          Local variants
        </h2>
        {variants.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">No team has adapted this behaviour.</p>
        ) : (
          <ul className="mt-2 space-y-2 text-sm">
            {variants.map((v) => (
              <li key={v.id}>
                <strong>{v.teamName}:</strong> {v.sentence}
              </li>
            ))}
          </ul>
        )}
        {teams.length > 0 && (
          <details className="mt-3 rounded-lg border border-slate-200 bg-white p-4 print:hidden dark:border-slate-800 dark:bg-slate-900">
            <summary className="cursor-pointer text-sm font-medium">Adapt for a team</summary>
            <p className="my-2 text-xs text-slate-600 dark:text-slate-400">
              Same intent, the team’s own trigger or frequency. Observations of the variant count for this behaviour.
            </p>
            <VariantForm behaviourId={b.id} teams={teams} trigger={b.trigger} frequency={b.frequency} />
          </details>
        )}
      </section>
      <section className="mt-8 grid gap-6 sm:grid-cols-2 print:hidden">
        <div>
          <h2 className="text-lg font-semibold">Barriers</h2>
          {links.barriers.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">No barrier recorded.</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm">
              {links.barriers.map((x) => (
                <li key={x.id}>
                  {x.title}{" "}
                  <span className="text-slate-500 dark:text-slate-400">
                    · {x.priority === null ? "not scored" : `priority ${x.priority}`}
                  </span>{" "}
                  <Badge>{BARRIER_STATUS_LABELS[x.status] ?? x.status}</Badge>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h2 className="text-lg font-semibold">Outcome metrics it should move</h2>
          {links.metrics.length === 0 ? (
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Not linked to a metric yet.</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm">
              {links.metrics.map((m) => (
                <li key={m.id}>
                  {m.name}{" "}
                  <Badge tone={m.kind === "CUSTOMER_OUTCOME" ? "green" : "slate"}>
                    {m.kind === "CUSTOMER_OUTCOME" ? "Customer outcome" : "Internal process"}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
        </div>
      </section>
      <section className="mt-8 print:hidden" aria-labelledby="versions-heading">
        <h2 id="versions-heading" className="text-lg font-semibold">
          Versions
        </h2>
        <VersionHistory
          behaviourId={b.id}
          versions={versions}
          current={b.version}
          canRestore={canEdit && b.status !== "RETIRED"}
        />
      </section>
    </article>
  );
}
