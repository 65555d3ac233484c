import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { listRituals } from "@/lib/server/data/rituals";
import { can } from "@/lib/domain/roles";
import { RITUAL_KINDS, RITUAL_KIND_SPECS } from "@/lib/domain/rituals";
import { formatDay } from "@/lib/domain/dates";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Rituals" };

/** The meetings that keep the customer in the room, each with its next date. */
export default async function RitualsPage({ searchParams }: { searchParams: Promise<{ archived?: string }> }) {
  const ctx = await requireMemberPage();
  const archived = (await searchParams).archived === "1";
  const rituals = await listRituals(ctx, { archived });
  const manage = can(ctx.role, "rituals.manage", ctx.policy);
  return (
    <>
      <PageHeader
        title="Rituals"
        description="Recurring meetings that keep the customer in every conversation. Each meeting's agenda is built from what changed since the last one."
      >
        {manage && (
          <Link href="/rituals/new" className={buttonClass()}>
            Schedule a ritual
          </Link>
        )}
      </PageHeader>
      <p className="mb-4 text-sm">
        {archived ? (
          <TextLink href="/rituals">← Current rituals</TextLink>
        ) : (
          <TextLink href="/rituals?archived=1">Archived rituals</TextLink>
        )}
        {" · "}
        <TextLink href="/help/rituals">What each ritual is for</TextLink>
      </p>
      {rituals.length === 0 ? (
        archived ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">No ritual has been archived.</p>
        ) : (
          <section className="space-y-4 rounded-lg border border-dashed border-slate-300 p-6 dark:border-slate-700">
            <p className="text-sm text-slate-700 dark:text-slate-300">
              No rituals yet. Behaviours stick when the customer is on every meeting&apos;s agenda.{" "}
              {manage
                ? "Start with the meeting your teams already hold, and give it a ritual's agenda:"
                : "Ask a manager to schedule the first one: a team retrospective is a good start."}
            </p>
            <ul className="grid gap-3 sm:grid-cols-2">
              {RITUAL_KINDS.map((k) => (
                <li key={k} className="rounded-md bg-slate-50 p-3 text-sm dark:bg-slate-900">
                  <p className="font-semibold">
                    {manage ? (
                      <TextLink href={`/rituals/new?kind=${k}`}>{RITUAL_KIND_SPECS[k].label}</TextLink>
                    ) : (
                      RITUAL_KIND_SPECS[k].label
                    )}
                  </p>
                  <p className="text-slate-600 dark:text-slate-400">{RITUAL_KIND_SPECS[k].purpose}</p>
                </li>
              ))}
            </ul>
          </section>
        )
      ) : (
        <ul className="grid gap-3 md:grid-cols-2" data-testid="rituals">
          {rituals.map((r) => (
            <li key={r.id} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
              <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase dark:text-slate-400">
                {r.kindLabel}
              </p>
              <h2 className="text-lg font-semibold">
                <TextLink href={`/rituals/${r.id}`}>{r.title}</TextLink>
              </h2>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                {r.scopeName} · {r.schedule} · facilitated by {r.facilitatorName}
              </p>
              <p className="mt-1 text-sm">
                {r.nextDate ? <>Next: {formatDay(r.nextDate)}</> : r.archived ? "Archived" : "Ad hoc"}
                {r.lastDate && <> · last met {formatDay(r.lastDate)}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
