import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { getTeam } from "@/lib/server/data/teams";
import { orNotFound } from "@/lib/server/pages";
import { formatRate } from "@/lib/domain/adoption";
import { PageHeader } from "@/components/ui/page-header";
import { AdoptionWeeks } from "@/components/adoption/adoption-weeks";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Team" };

export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireMemberPage();
  const team = await orNotFound(getTeam(ctx, id));
  return (
    <>
      <TextLink href="/teams" className="text-sm">
        ← Teams
      </TextLink>
      <PageHeader
        title={team.name}
        description={`${team.valueStream ? `${team.valueStream} · ` : ""}adoption over the last 28 days: ${formatRate(team.adoption28d.rate)} (${team.adoption28d.performed} of ${team.adoption28d.opportunities} opportunities).`}
      />
      <section className="mb-8 max-w-3xl">
        <h2 className="mb-2 text-lg font-semibold">By week, last 26 weeks</h2>
        <AdoptionWeeks points={team.weeks} />
      </section>
      <section className="max-w-3xl">
        <h2 className="mb-2 text-lg font-semibold">Behaviours, last 28 days</h2>
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 font-medium">
                Behaviour
              </th>
              <th scope="col" className="py-1 font-medium">
                Adoption
              </th>
              <th scope="col" className="py-1 font-medium">
                Opportunities
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {team.behaviours.map((b) => (
              <tr key={b.id}>
                <td className="py-1.5">
                  <Link href={`/catalogue/${b.id}`} className="underline">
                    {b.title}
                  </Link>
                </td>
                <td className="py-1.5 tabular-nums">{formatRate(b.adoption28d.rate)}</td>
                <td className="py-1.5 tabular-nums">{b.adoption28d.opportunities}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
