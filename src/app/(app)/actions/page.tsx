import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { actionTeamOptions, listActions } from "@/lib/server/data/action-lists";
import { actionQuery, parseActionParams } from "@/lib/schemas/actions";
import { ActionFilters } from "@/components/actions/action-filters";
import { ActionList } from "@/components/actions/action-list";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Actions" };

export default async function ActionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage();
  const { filter, cursor } = parseActionParams(await searchParams);
  const [page, teams] = await Promise.all([listActions(ctx, filter, cursor), actionTeamOptions(ctx)]);
  const mine = filter.scope === "mine";
  const filtered = Boolean(actionQuery(filter));
  return (
    <>
      <PageHeader
        title={mine ? "My actions" : "Actions"}
        description="Follow-ups someone owns, from meetings, barriers and reviews: open first, soonest due first; overdue ones are marked."
      >
        <Link href="/actions/new" className={buttonClass()}>
          New action
        </Link>
      </PageHeader>
      <ActionFilters filter={filter} teams={teams} />
      {page.rows.length === 0 ? (
        <EmptyState>
          {cursor ? (
            <>
              No more actions. <TextLink href={`/actions?${actionQuery(filter)}`}>Back to the first page</TextLink>
            </>
          ) : filtered && !mine ? (
            <>
              No actions match these filters. <TextLink href="/actions">Clear the filters</TextLink>
            </>
          ) : (
            <>
              {mine ? "You own no actions" : "No actions match"}
              {filter.status || filter.overdue ? " with these filters" : " yet"}. Agree the next step in a meeting or on
              a barrier, then <TextLink href="/actions/new">create an action</TextLink> with an owner and a due date
              {mine && (
                <>
                  , or <TextLink href="/actions?scope=all">see everyone&apos;s actions</TextLink>
                </>
              )}
              .
            </>
          )}
        </EmptyState>
      ) : (
        <ActionList rows={page.rows} label={mine ? "My actions" : "Actions"} />
      )}
      {page.nextCursor && (
        <p className="mt-4">
          <Link
            href={`/actions?${actionQuery(filter, { cursor: page.nextCursor })}`}
            className={buttonClass("secondary")}
          >
            Next {page.rows.length} actions
          </Link>
        </p>
      )}
    </>
  );
}
