import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { awaitingMyReview, listInbox } from "@/lib/server/data/inbox";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { InboxItem } from "@/components/inbox/inbox-item";
import { MarkAllRead } from "@/components/inbox/mark-all-read";

export const metadata = { title: "Inbox" };

const tab = (active: boolean) =>
  `rounded-md px-3 py-1.5 text-sm ${active ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`;

export default async function InboxPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage();
  const sp = await searchParams;
  const unreadOnly = sp.show === "unread";
  const before = typeof sp.before === "string" ? sp.before : null;
  const [inbox, awaiting] = await Promise.all([listInbox(ctx, { unreadOnly, before }), awaitingMyReview(ctx)]);
  const query = (extra: Record<string, string>) =>
    `/inbox?${new URLSearchParams({ ...(unreadOnly ? { show: "unread" } : {}), ...extra })}`;
  return (
    <>
      <PageHeader
        title="Inbox"
        description="What is waiting for you in this organisation: reviews, verdicts on your behaviours, people who joined, new evidence on your barriers."
      >
        {inbox.unread > 0 && <MarkAllRead />}
      </PageHeader>

      {awaiting.total > 0 && (
        <section
          aria-labelledby="awaiting-heading"
          className="mb-6 rounded-lg border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950"
        >
          <h2 id="awaiting-heading" className="mb-2 font-semibold">
            Waiting for your video test ({awaiting.total})
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {awaiting.items.map((b) => (
              <li key={b.id}>
                <TextLink href={`/catalogue/${b.id}#video-test-heading`}>{b.title}</TextLink>
              </li>
            ))}
          </ul>
          {awaiting.total > awaiting.items.length && (
            <p className="mt-2 text-sm">
              Showing the {awaiting.items.length} newest of {awaiting.total}.{" "}
              <TextLink href="/catalogue?status=IN_REVIEW">See them all in the catalogue</TextLink>
            </p>
          )}
        </section>
      )}

      <nav aria-label="Show" className="mb-3 flex gap-2">
        <Link href="/inbox" className={tab(!unreadOnly)} aria-current={!unreadOnly ? "page" : undefined}>
          All
        </Link>
        <Link href="/inbox?show=unread" className={tab(unreadOnly)} aria-current={unreadOnly ? "page" : undefined}>
          Unread ({inbox.unread})
        </Link>
      </nav>

      {inbox.items.length === 0 ? (
        <EmptyState>
          {before
            ? "Nothing older."
            : unreadOnly
              ? "Nothing unread. You are up to date."
              : "Nothing here yet. When a behaviour needs your review, one of yours is reviewed, someone you invited joins or a barrier you recorded gets new evidence, it appears here."}{" "}
          {before || unreadOnly ? (
            <TextLink href="/inbox">Show everything</TextLink>
          ) : (
            <TextLink href="/catalogue">Go to the catalogue</TextLink>
          )}
        </EmptyState>
      ) : (
        <ul
          aria-label="Notifications"
          className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white px-4 dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
        >
          {inbox.items.map((n) => (
            <InboxItem key={n.id} item={n} />
          ))}
        </ul>
      )}
      <div className="mt-3 flex gap-4 text-sm">
        {before && <TextLink href={query({})}>Newest</TextLink>}
        {inbox.nextCursor && <TextLink href={query({ before: inbox.nextCursor })}>Older</TextLink>}
      </div>
    </>
  );
}
