import Link from "next/link";
import { badgeCount } from "@/lib/domain/inbox";

/** The header's way to the inbox, with the unread count (a server component: no script needed). */
export function InboxBell({ unread }: { unread: number }) {
  const badge = badgeCount(unread);
  return (
    <Link
      href="/inbox"
      aria-label={unread > 0 ? `Inbox, ${unread} unread` : "Inbox, nothing unread"}
      className="relative grid size-10 place-items-center rounded-md text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      <svg aria-hidden viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.8" className="size-5">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" strokeLinecap="round" strokeLinejoin="round" />
        <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      {badge && (
        <span
          aria-hidden
          data-testid="inbox-count"
          className="absolute -right-0.5 -top-0.5 min-w-5 rounded-full bg-red-700 px-1 text-center text-xs font-semibold leading-5 text-white"
        >
          {badge}
        </span>
      )}
    </Link>
  );
}
