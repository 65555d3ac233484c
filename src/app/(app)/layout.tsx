import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { listOrganizationsOf } from "@/lib/server/data/accounts";
import { navigationFor, ROLE_LABELS } from "@/lib/domain/roles";
import { initials } from "@/lib/domain/accounts";
import { NavLinks } from "@/components/shell/nav-links";
import { OrgSwitcher } from "@/components/shell/org-switcher";
import { SignOutButton } from "@/components/shell/sign-out-button";
import { InboxBell } from "@/components/shell/inbox-bell";
import { unreadCount } from "@/lib/server/data/inbox";
import { CalendarProvider } from "@/components/ui/calendar-context";

// Layouts do not re-run on client navigation, so this is presentation only: every page and
// action checks the caller again (requireMemberPage / requireMember) before touching data.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const ctx = await requireMemberPage();
  const [orgs, unread] = await Promise.all([listOrganizationsOf(ctx.userId), unreadCount(ctx)]);
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="print:hidden sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900"
      >
        Skip to content
      </a>
      <header className="print:hidden border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
          <Link href="/catalogue" className="text-lg font-semibold tracking-tight text-brand-700 dark:text-brand-300">
            Conduct
          </Link>
          <OrgSwitcher current={ctx.orgId} choices={orgs} />
          <div className="ml-auto flex items-center gap-2">
            <InboxBell unread={unread} />
            <Link
              href="/profile"
              className="flex items-center gap-2 rounded-md px-1 py-1 hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              {/* The name is the link's accessible name on every screen, shown from sm up. */}
              <span className="sr-only text-sm text-slate-600 sm:not-sr-only dark:text-slate-400">
                {ctx.userName} · {ROLE_LABELS[ctx.role]}
              </span>
              <span className="sr-only"> (your profile)</span>
              <span
                aria-hidden
                className="grid size-8 place-items-center rounded-full bg-brand-100 text-xs font-semibold text-brand-700 dark:bg-brand-700/40 dark:text-brand-100"
              >
                {initials(ctx.userName)}
              </span>
            </Link>
            <SignOutButton />
          </div>
        </div>
        <nav aria-label="Main" className="mx-auto max-w-6xl px-2 pb-2">
          <NavLinks items={navigationFor(ctx.role)} />
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 print:max-w-none print:p-0">
        <CalendarProvider
          value={{ timeZone: ctx.timeZone, weekStartsOn: ctx.weekStartsOn, displayTimeZone: ctx.displayTimeZone }}
        >
          {children}
        </CalendarProvider>
      </main>
      <footer className="print:hidden border-t border-slate-200 dark:border-slate-800">
        <div className="mx-auto flex max-w-6xl flex-wrap gap-4 px-4 py-3 text-sm">
          <Link href="/privacy" className="text-slate-600 underline dark:text-slate-400">
            Privacy: what Conduct keeps about you
          </Link>
        </div>
      </footer>
    </div>
  );
}
