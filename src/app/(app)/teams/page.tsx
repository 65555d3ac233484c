import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { listTeams } from "@/lib/server/data/teams";
import { formatRate } from "@/lib/domain/adoption";
import { PageHeader, EmptyState } from "@/components/ui/page-header";

export const metadata = { title: "Teams" };

export default async function TeamsPage() {
  const ctx = await requireMemberPage();
  const teams = await listTeams(ctx);
  return (
    <>
      <PageHeader
        title="Teams"
        description="Adoption per team over the last 28 days: performed ÷ opportunities, across all behaviours."
      />
      {teams.length === 0 ? (
        <EmptyState>No teams yet.</EmptyState>
      ) : (
        <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
          {teams.map((t) => (
            <li key={t.id}>
              <Link
                href={`/teams/${t.id}`}
                className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-300 dark:border-slate-800 dark:bg-slate-900"
              >
                <span className="block font-medium">{t.name}</span>
                {t.valueStream && <span className="block text-xs text-slate-500">{t.valueStream}</span>}
                <span className="mt-2 block text-2xl font-semibold">{formatRate(t.adoption28d.rate)}</span>
                <span className="text-xs text-slate-500">{t.adoption28d.opportunities} opportunities</span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
