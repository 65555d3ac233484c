import Link from "next/link";
import { TextLink } from "@/components/ui/text-link";
import { requireMemberPage } from "@/lib/server/context";
import { listBarriers } from "@/lib/server/data/barriers";
import {
  OPEN_STATUSES,
  paretoSeries,
  PRIORITY_FORMULA,
  SORT_KEYS,
  sortBarriers,
  type BarrierStatus,
  type SortKey,
} from "@/lib/domain/barriers";
import { can } from "@/lib/domain/roles";
import { DeletedNotice } from "@/components/ui/deleted-notice";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { Pareto } from "@/components/barriers/pareto";
import { BarrierTable } from "@/components/barriers/barrier-table";
import { NoteGroups } from "@/components/barriers/note-groups";
import { citationCounts, NOTES_READ, somethingElseGroups } from "@/lib/server/data/barrier-citations";

export const metadata = { title: "Barriers" };

const SHOW = { open: "Open", closed: "Removed or accepted", all: "All" } as const;

export default async function BarriersPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage();
  const sp = await searchParams;
  const sort: SortKey = SORT_KEYS.includes(sp.sort as SortKey) ? (sp.sort as SortKey) : "priority";
  const show = (Object.keys(SHOW) as (keyof typeof SHOW)[]).includes(sp.show as keyof typeof SHOW)
    ? (sp.show as keyof typeof SHOW)
    : "open";
  const manage = can(ctx.role, "barriers.manage", ctx.policy);
  const [rows, cited, notes] = await Promise.all([
    listBarriers(ctx),
    citationCounts(ctx),
    manage ? somethingElseGroups(ctx) : null,
  ]);
  const all = rows.map((b) => ({ ...b, citations: cited[b.id] ?? 0 }));
  const isOpen = (s: string) => OPEN_STATUSES.includes(s as BarrierStatus);
  const shown = all.filter((b) => show === "all" || (show === "open") === isOpen(b.status));
  const scored = sortBarriers(
    shown.filter((b) => b.priority !== null),
    sort,
  );
  const unscored = sortBarriers(
    shown.filter((b) => b.priority === null),
    sort === "citations" ? "citations" : "title",
  );
  // Ranked by citations, the Pareto shows where members' misses come from; otherwise by priority.
  const pareto = paretoSeries(
    scored.map((b) => ({ id: b.id, label: b.title, score: sort === "citations" ? b.citations : b.priority! })),
  );
  const href = (next: Partial<{ sort: string; show: string }>) =>
    `/barriers?${new URLSearchParams({ sort, show, ...next }).toString()}`;
  return (
    <>
      <PageHeader
        title="Barriers"
        description={`What stops people doing the behaviours. Priority = ${PRIORITY_FORMULA}.`}
      >
        <div className="flex flex-wrap gap-2">
          <Link href="/surveys" className={buttonClass("secondary")}>
            Doer / non-doer surveys
          </Link>
          <Link href="/barriers/new" className={buttonClass()}>
            {manage ? "Record a barrier" : "Propose a barrier"}
          </Link>
        </div>
      </PageHeader>
      <DeletedNotice show={sp.deleted === "1"} />
      <nav aria-label="Which barriers" className="mb-4 flex flex-wrap gap-2 text-sm">
        {(Object.keys(SHOW) as (keyof typeof SHOW)[]).map((k) => (
          <Link
            key={k}
            href={href({ show: k })}
            aria-current={k === show ? "page" : undefined}
            className={`rounded-full px-3 py-1 ${k === show ? "bg-brand-100 font-medium text-brand-700 dark:bg-brand-700/40 dark:text-brand-100" : "border border-slate-300 dark:border-slate-700"}`}
          >
            {SHOW[k]}
          </Link>
        ))}
      </nav>
      {shown.length === 0 ? (
        <EmptyState>
          {show === "open"
            ? "No open barriers."
            : show === "closed"
              ? "No barrier is removed or accepted yet."
              : "No barriers yet."}{" "}
          <TextLink href="/barriers/new">Record what gets in people’s way</TextLink>, or{" "}
          <TextLink href="/surveys">run a doer / non-doer survey</TextLink> to find out.
        </EmptyState>
      ) : (
        <div className="space-y-6">
          {scored.length > 0 && (
            <section aria-labelledby="priority-heading" className="space-y-3">
              <h2 id="priority-heading" className="text-lg font-semibold">
                Priority list
              </h2>
              <BarrierTable rows={scored} sort={sort} sortHref={(key) => href({ sort: key })} />
              {pareto.length > 0 && <Pareto points={pareto} by={sort === "citations" ? "citations" : "priority"} />}
            </section>
          )}
          {unscored.length > 0 && (
            <section aria-labelledby="unscored-heading" className="space-y-3">
              <h2 id="unscored-heading" className="text-lg font-semibold">
                Waiting to be scored ({unscored.length})
              </h2>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Proposals from team members and survey findings join the priority list once a leader or manager scores
                them.
              </p>
              <BarrierTable rows={unscored} />
            </section>
          )}
        </div>
      )}
      {notes && (
        <section aria-labelledby="notes-heading" className="mt-8 space-y-3">
          <h2 id="notes-heading" className="text-lg font-semibold">
            “Something else”: what members said got in the way
          </h2>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Texts members wrote when they logged a miss in the last 90 days, not yet part of a barrier, similar texts
            together. Turn a group into a barrier: the texts become its evidence and those entries cite it.
          </p>
          {notes.waiting > notes.read && (
            <p className="text-sm" role="note">
              Showing the {NOTES_READ} newest of {notes.waiting} texts: turn some into barriers to see the rest.
            </p>
          )}
          {notes.groups.length === 0 ? (
            <EmptyState>
              No texts waiting. When members tap Missed on the Log pad they can choose “Something else” and say what got
              in the way; those texts gather here.
            </EmptyState>
          ) : (
            <NoteGroups groups={notes.groups} />
          )}
        </section>
      )}
    </>
  );
}
