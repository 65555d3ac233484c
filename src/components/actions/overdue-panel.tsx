import type { OverdueActionsDto } from "@/lib/schemas/actions";
import { EmptyState } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { ActionList } from "./action-list";

/** The dashboards' panel of overdue open actions: the count, the most overdue few, a link to all. */
export function OverduePanel({ overdue, listHref }: { overdue: OverdueActionsDto; listHref: string }) {
  return (
    <section aria-labelledby="overdue-heading" className="space-y-2">
      <h2 id="overdue-heading" className="text-lg font-semibold">
        Overdue actions {overdue.count > 0 && <span className="text-red-700 dark:text-red-400">({overdue.count})</span>}
      </h2>
      {overdue.count === 0 ? (
        <EmptyState>
          No open action is past its due day. Actions agreed in meetings and reviews are listed under{" "}
          <TextLink href="/actions?scope=all">Actions</TextLink>; <TextLink href="/actions/new">create one</TextLink>{" "}
          for the next step on a barrier or behaviour.
        </EmptyState>
      ) : (
        <>
          <ActionList rows={overdue.first} label="Overdue actions" />
          <TextLink href={listHref} className="text-sm">
            {overdue.count > overdue.first.length
              ? `All ${overdue.count} overdue actions`
              : "See them in the list of actions"}
          </TextLink>
        </>
      )}
    </section>
  );
}
