import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { decisionFilterOptions, decodeDecisionCursor, listDecisions } from "@/lib/server/data/decision-log";
import { can } from "@/lib/domain/roles";
import { DecisionFilter } from "@/lib/schemas/decisions";
import { DecisionFilters, DecisionList, decisionQuery } from "@/components/decisions/decision-list";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Decision log" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

const tab = (active: boolean) =>
  `inline-flex min-h-10 items-center rounded-md px-3 text-sm font-medium ${active ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"}`;

export default async function DecisionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage();
  const sp = await searchParams;
  const filter = DecisionFilter.parse({ team: first(sp.team), ritual: first(sp.ritual), status: first(sp.status) });
  const rawCursor = first(sp.cursor);
  const cursor = rawCursor && decodeDecisionCursor(rawCursor) ? rawCursor : undefined;
  const [page, options] = await Promise.all([listDecisions(ctx, filter, cursor), decisionFilterOptions(ctx)]);
  const recorder = can(ctx.role, "decisions.record", ctx.policy);
  const drafts = filter.status === "DRAFT";
  return (
    <>
      <PageHeader
        title="Decision log"
        description="What was decided, by whom and when, with the answers to the organisation's anchor questions: how it improves customer outcomes, and what it trades off."
      >
        {recorder && (
          <Link href="/decisions/new" className={buttonClass()}>
            Record a decision
          </Link>
        )}
      </PageHeader>
      <nav aria-label="Decisions or drafts" className="mb-3 flex flex-wrap gap-2">
        <Link
          href={`/decisions?${decisionQuery({ ...filter, status: "DECIDED" })}`}
          className={tab(!drafts)}
          aria-current={!drafts ? "page" : undefined}
        >
          Decisions
        </Link>
        <Link
          href={`/decisions?${decisionQuery({ ...filter, status: "DRAFT" })}`}
          className={tab(drafts)}
          aria-current={drafts ? "page" : undefined}
        >
          Drafts ({page.drafts})
        </Link>
      </nav>
      <DecisionFilters filter={filter} teams={options.teams} rituals={options.rituals} />
      {drafts && (
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
          Drafts have an anchor question unanswered: they are not decisions until every question is answered.
        </p>
      )}
      {page.rows.length === 0 ? (
        <EmptyState>
          {cursor ? (
            <>
              No more entries. <TextLink href={`/decisions?${decisionQuery(filter)}`}>Back to the first page</TextLink>
            </>
          ) : filter.team || filter.ritual ? (
            <>
              Nothing matches these filters.{" "}
              <TextLink href={drafts ? "/decisions?status=DRAFT" : "/decisions"}>Clear the filters</TextLink>
            </>
          ) : drafts ? (
            "No drafts: every decision saved so far answers all its anchor questions."
          ) : recorder ? (
            <>
              No decisions recorded yet. <TextLink href="/decisions/new">Record the first decision</TextLink> and answer
              how it improves customer outcomes and what it trades off.
            </>
          ) : (
            "No decisions recorded yet. Leaders and managers record them, often during a meeting; they will be listed here."
          )}
        </EmptyState>
      ) : (
        <DecisionList rows={page.rows} label={drafts ? "Draft decisions" : "Decisions"} zone={ctx.displayTimeZone} />
      )}
      {page.nextCursor && (
        <p className="mt-4">
          <Link
            href={`/decisions?${decisionQuery(filter, { cursor: page.nextCursor })}`}
            className={buttonClass("secondary")}
          >
            Older entries
          </Link>
        </p>
      )}
    </>
  );
}
