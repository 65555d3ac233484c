import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { feedbackOptions, hasFeedback, listFeedback } from "@/lib/server/data/feedback";
import { FeedbackFilter, decodeFeedbackCursor, feedbackQuery } from "@/lib/schemas/feedback";
import { can } from "@/lib/domain/roles";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { TextLink } from "@/components/ui/text-link";
import { FeedbackFilters } from "@/components/feedback/feedback-filters";
import { FeedbackList } from "@/components/feedback/feedback-list";

export const metadata = { title: "Customer feedback" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function FeedbackPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage();
  const sp = await searchParams;
  const filter = FeedbackFilter.parse(Object.fromEntries(Object.entries(sp).map(([k, v]) => [k, first(v)])));
  const cursor = decodeFeedbackCursor(first(sp.cursor)) ? first(sp.cursor) : undefined;
  const [page, options, any] = await Promise.all([
    listFeedback(ctx, filter, cursor),
    feedbackOptions(ctx),
    hasFeedback(ctx),
  ]);
  const manage = can(ctx.role, "feedback.manage", ctx.policy);
  const query = feedbackQuery(filter);
  return (
    <>
      <PageHeader
        title="Customer feedback"
        description="What customers actually said, in their own words: the brutal facts a team improves against. Newest first."
      >
        <div className="flex flex-wrap gap-2">
          <Link href="/feedback/new" className={buttonClass()}>
            Record what a customer said
          </Link>
          {manage && (
            <Link href="/feedback/import" className={buttonClass("secondary")}>
              Import from CSV
            </Link>
          )}
          {any && (
            <a href={`/feedback/export${query ? `?${query}` : ""}`} className={buttonClass("ghost")} download>
              Export CSV
            </a>
          )}
        </div>
      </PageHeader>
      <p className="mb-4 text-sm">
        <TextLink href="/help/customer-feedback">Why the customer&apos;s own words beat a summary</TextLink>
      </p>
      {sp.imported && (
        <p role="status" className="mb-4 text-sm text-emerald-800 dark:text-emerald-300">
          Imported.
        </p>
      )}
      {sp.deleted && (
        <p role="status" className="mb-4 text-sm text-emerald-800 dark:text-emerald-300">
          Deleted.
        </p>
      )}
      {!any ? (
        <EmptyState>
          Nothing customers said is recorded yet. <TextLink href="/feedback/new">Record what a customer said</TextLink>
          {manage ? (
            <>
              {" "}
              or <TextLink href="/feedback/import">import feedback from a CSV file</TextLink>
            </>
          ) : null}
          : a support ticket, an interview, a review, in the customer&apos;s own words.
        </EmptyState>
      ) : (
        <>
          <FeedbackFilters filter={filter} options={options} />
          {page.rows.length === 0 ? (
            <EmptyState>
              No feedback matches. <TextLink href="/feedback">Clear the search and filters</TextLink>
            </EmptyState>
          ) : (
            <FeedbackList rows={page.rows} />
          )}
          <nav aria-label="Feedback pages" className="mt-4 flex flex-wrap items-center gap-2">
            {cursor && (
              <Link href={`/feedback${query ? `?${query}` : ""}`} className={buttonClass("secondary")}>
                Newest feedback
              </Link>
            )}
            {page.nextCursor ? (
              <Link
                href={`/feedback?${feedbackQuery(filter, { cursor: page.nextCursor })}`}
                className={buttonClass("secondary")}
              >
                Older feedback
              </Link>
            ) : (
              page.rows.length > 0 && (
                <p className="text-sm text-slate-600 dark:text-slate-400">That is all the feedback that matches.</p>
              )
            )}
          </nav>
        </>
      )}
    </>
  );
}
