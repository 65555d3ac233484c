import Link from "next/link";
import { onboarding } from "@/lib/server/data/onboarding";
import { OnboardingChecklist } from "@/components/onboarding/checklist";
import { requireMemberPage } from "@/lib/server/context";
import { listTeams, type TeamSummaryDto } from "@/lib/server/data/teams";
import { teamStructure } from "@/lib/server/data/team-admin";
import { formatRate } from "@/lib/domain/adoption";
import { SUPPRESSION_TEXT } from "@/lib/domain/group-size";
import { can } from "@/lib/domain/roles";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Badge } from "@/components/ui/badge";
import { NewTeamForm } from "@/components/teams/new-team-form";

export const metadata = { title: "Teams" };

function TeamCards({ teams }: { teams: TeamSummaryDto[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {teams.map((t) => (
        <li key={t.id}>
          <Link
            href={`/teams/${t.id}`}
            className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-300 dark:border-slate-800 dark:bg-slate-900"
          >
            <span className="flex items-center justify-between gap-2 font-medium">
              {t.name}
              {t.archived && <Badge>Archived</Badge>}
            </span>
            {t.adoption28d ? (
              <>
                <span className="mt-2 block text-2xl font-semibold">{formatRate(t.adoption28d.rate)}</span>
                <span className="text-xs text-slate-500 dark:text-slate-400">
                  {t.adoption28d.opportunities} opportunities
                </span>
              </>
            ) : (
              <span className="mt-2 block text-sm text-slate-600 dark:text-slate-400" data-testid="team-card-hidden">
                {SUPPRESSION_TEXT[t.suppressed ?? "small"]}
              </span>
            )}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export default async function TeamsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage();
  const [teams, structure, sp, steps] = await Promise.all([
    listTeams(ctx),
    teamStructure(ctx),
    searchParams,
    onboarding(ctx),
  ]);
  const manage = can(ctx.role, "teams.manage", ctx.policy);
  const byId = new Map(teams.map((t) => [t.id, t]));
  const cards = (rows: { id: string }[]) => rows.flatMap((r) => byId.get(r.id) ?? []);
  const streams = structure.streams.map((s) => ({ id: s.id, name: s.name }));
  return (
    <>
      <OnboardingChecklist steps={steps} />
      <PageHeader
        title="Teams"
        description="Adoption per team over the last 28 days: performed ÷ opportunities, across all behaviours."
      />
      {sp.deleted === "1" && (
        <p role="status" className="mb-4 rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-800">
          Deleted.
        </p>
      )}
      {manage && (
        <div className="mb-8 max-w-3xl">
          <Panel title={teams.length === 0 ? "Create your first team" : "Create a team or value stream"}>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              People log observations for a team they belong to. Group teams that serve the same customers in a value
              stream to compare them on the dashboards.
            </p>
            <NewTeamForm streams={streams} />
          </Panel>
        </div>
      )}
      {teams.length === 0 && structure.streams.length === 0 ? (
        <EmptyState>
          {manage
            ? "No teams yet. Create one above, then open it to add its people: they can log observations straight away."
            : "No teams yet. Ask an admin of your organisation to create your team and add you to it (admins can let leaders do it too, in Settings)."}
        </EmptyState>
      ) : (
        <div className="space-y-8">
          {structure.streams.map((s) => (
            <section key={s.id} aria-labelledby={`stream-${s.id}`} className="space-y-2">
              <h2 id={`stream-${s.id}`} className="flex items-center gap-2 text-lg font-semibold">
                <Link href={`/teams/${s.id}`} className="hover:underline">
                  {s.name}
                </Link>
                <span className="text-xs font-normal text-slate-500 dark:text-slate-400">value stream</span>
                {s.archived && <Badge>Archived</Badge>}
              </h2>
              {s.teams.length === 0 ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  No teams in this value stream yet.
                  {manage ? " Create one above and choose this value stream, or move a team here from its page." : ""}
                </p>
              ) : (
                <TeamCards teams={cards(s.teams)} />
              )}
            </section>
          ))}
          {structure.unassigned.length > 0 && (
            <section aria-labelledby="teams-unassigned" className="space-y-2">
              <h2 id="teams-unassigned" className="text-lg font-semibold">
                {structure.streams.length ? "Teams in no value stream" : "All teams"}
              </h2>
              <TeamCards teams={cards(structure.unassigned)} />
            </section>
          )}
        </div>
      )}
    </>
  );
}
