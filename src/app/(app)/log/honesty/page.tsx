import { requireMemberPage } from "@/lib/server/context";
import { TextLink } from "@/components/ui/text-link";
import { listHonestyFlags } from "@/lib/server/data/honesty";
import { BURST_MIN, STREAK_MIN } from "@/lib/domain/honesty";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";

export const metadata = { title: "Honesty guard" };

export default async function HonestyPage() {
  const ctx = await requireMemberPage("honesty.review");
  const flags = await listHonestyFlags(ctx);
  return (
    <>
      <PageHeader
        title="Honesty guard"
        description={`Logging patterns from the last 30 days that look more like box-ticking than observation: ${STREAK_MIN}+ “performed” in a row with no miss, or ${BURST_MIN}+ entries within a minute. A flag is a reason to talk, not proof. Anonymous entries are not included. Times are in your time zone, ${ctx.displayTimeZone}.`}
      />
      {flags.length === 0 ? (
        <EmptyState>
          No patterns to review: nobody logged a long unbroken streak or a burst in the last 30 days. Flags appear here
          when they do. <TextLink href="/log">Back to the Log</TextLink>
        </EmptyState>
      ) : (
        <ul
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
          data-testid="honesty-flags"
        >
          {flags.map((f, i) => (
            <li key={i} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <span>
                <Badge tone="amber">{f.kind === "streak" ? "Streak" : "Burst"}</Badge> <strong>{f.observerName}</strong>
                : {f.kind === "streak" ? `${f.count} “performed” in a row` : `${f.count} entries within a minute`}
              </span>
              <span className="text-slate-600 dark:text-slate-400">
                <time dateTime={f.from}>{f.span}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
