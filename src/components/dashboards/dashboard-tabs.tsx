import Link from "next/link";

const TABS = [
  { href: "/dashboards", label: "Overview" },
  { href: "/dashboards/behaviour", label: "Behaviour → outcome" },
  { href: "/dashboards/team", label: "Team" },
  { href: "/dashboards/standup", label: "Portfolio standup" },
  { href: "/metrics", label: "Metrics" },
  { href: "/spot-checks", label: "Spot checks" },
] as const;

/** The dashboards' own navigation; the period filter travels with it. */
export function DashboardTabs({ current, period }: { current: (typeof TABS)[number]["href"]; period?: string }) {
  return (
    <nav aria-label="Dashboards" className="mb-4 flex flex-wrap gap-2 text-sm">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={period && t.href.startsWith("/dashboards") ? `${t.href}?period=${period}` : t.href}
          aria-current={t.href === current ? "page" : undefined}
          className={`rounded-full px-3 py-1 ${t.href === current ? "bg-brand-100 font-medium text-brand-700 dark:bg-brand-700/40 dark:text-brand-100" : "border border-slate-300 dark:border-slate-700"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
