import { requireMemberPage } from "@/lib/server/context";
import { getTeam } from "@/lib/server/data/teams";
import { getValueStream, teamKind, teamPeople, teamStructure } from "@/lib/server/data/team-admin";
import { orNotFound } from "@/lib/server/pages";
import { formatRate } from "@/lib/domain/adoption";
import { SUPPRESSION_TEXT } from "@/lib/domain/group-size";
import { SuppressedNotice } from "@/components/privacy/suppressed-notice";
import { can } from "@/lib/domain/roles";
import type { MemberContext } from "@/lib/server/data/accounts";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Badge } from "@/components/ui/badge";
import { AdoptionWeeks } from "@/components/adoption/adoption-weeks";
import { TextLink } from "@/components/ui/text-link";
import { TeamMembers } from "@/components/teams/team-members";
import { TeamSettings } from "@/components/teams/team-settings";
import { listRecognitions } from "@/lib/server/data/recognition";
import { RecognitionList } from "@/components/recognition/recognition-list";
import { teamParticipation } from "@/lib/server/data/participation";
import { maySpotCheck } from "@/lib/server/data/spot-checks";
import { ParticipationPanel } from "@/components/teams/participation-panel";
import { ObservationTargetForm } from "@/components/teams/observation-target-form";

export const metadata = { title: "Team" };

async function ValueStreamPage({ ctx, id }: { ctx: MemberContext; id: string }) {
  const stream = await orNotFound(getValueStream(ctx, id));
  const manage = can(ctx.role, "teams.manage", ctx.policy);
  return (
    <>
      <TextLink href="/teams" className="text-sm">
        ← Teams
      </TextLink>
      <PageHeader title={stream.name} description="A value stream: the teams that serve one kind of customer.">
        {stream.archived && <Badge>Archived</Badge>}
      </PageHeader>
      <section className="mb-8 max-w-3xl space-y-2">
        <h2 className="text-lg font-semibold">Teams</h2>
        {stream.teams.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No teams in this value stream yet. {manage ? "Move a team here from its page, or create one on " : ""}
            {manage && <TextLink href="/teams">Teams</TextLink>}
          </p>
        ) : (
          <ul className="list-disc pl-5 text-sm">
            {stream.teams.map((t) => (
              <li key={t.id}>
                <TextLink href={`/teams/${t.id}`}>{t.name}</TextLink> · {t.memberCount} member
                {t.memberCount === 1 ? "" : "s"}
                {t.archived && " · archived"}
              </li>
            ))}
          </ul>
        )}
      </section>
      {manage && (
        <div className="max-w-3xl">
          <Panel title="Value stream settings">
            <TeamSettings team={{ ...stream, kind: "VALUE_STREAM", valueStreamId: null }} streams={[]} />
          </Panel>
        </div>
      )}
    </>
  );
}

export default async function TeamPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireMemberPage();
  if ((await orNotFound(teamKind(ctx, id))) === "VALUE_STREAM") return <ValueStreamPage ctx={ctx} id={id} />;
  const [team, people, structure, recognised, participation, spotCheck] = await Promise.all([
    orNotFound(getTeam(ctx, id)),
    orNotFound(teamPeople(ctx, id)),
    teamStructure(ctx),
    listRecognitions(ctx, { teamId: id }),
    orNotFound(teamParticipation(ctx, id)),
    maySpotCheck(ctx, id),
  ]);
  return (
    <>
      <TextLink href="/teams" className="text-sm">
        ← Teams
      </TextLink>
      <PageHeader
        title={team.name}
        description={`${team.valueStream ? `${team.valueStream} · ` : ""}adoption over the last 28 days: ${team.adoption28d ? `${formatRate(team.adoption28d.rate)} (${team.adoption28d.performed} of ${team.adoption28d.opportunities} opportunities)` : SUPPRESSION_TEXT[team.suppressed ?? "small"]}.`}
      >
        {team.archived && <Badge>Archived</Badge>}
      </PageHeader>
      <div className="mb-8 grid max-w-5xl gap-6 lg:grid-cols-2">
        <Panel title="People">
          <TeamMembers teamId={team.id} people={people} />
        </Panel>
        {people.canManageTeam && (
          <Panel title="Team settings">
            <ObservationTargetForm id={team.id} target={participation.target} />
            <TeamSettings
              team={{ ...team, kind: "TEAM" }}
              streams={structure.streams.map((s) => ({ id: s.id, name: s.name }))}
            />
          </Panel>
        )}
      </div>
      <div className="mb-8 max-w-3xl">
        <ParticipationPanel
          data={participation}
          canSetTarget={people.canManageTeam}
          spotCheckHref={spotCheck && !team.archived ? `/spot-checks?team=${team.id}#request` : null}
        />
      </div>
      <section className="mb-8 max-w-3xl">
        <h2 className="mb-2 text-lg font-semibold">By week, last 26 weeks</h2>
        {team.suppressed ? (
          <SuppressedNotice reason={team.suppressed} minGroupSize={team.minGroupSize} testId="team-weeks-suppressed" />
        ) : (
          <AdoptionWeeks points={team.weeks} />
        )}
      </section>
      <section className="mb-8 max-w-3xl" aria-labelledby="recognised">
        <h2 id="recognised" className="mb-2 text-lg font-semibold">
          Recognised
        </h2>
        {recognised.rows.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            Nobody has recognised this team or one of its people yet. Seen one of them do a behaviour well?{" "}
            <TextLink href="/recognition#recognise">Recognise them</TextLink>
          </p>
        ) : (
          <>
            <RecognitionList rows={recognised.rows} viewerMembershipId={ctx.membershipId} testId="team-recognitions" />
            {recognised.nextCursor && (
              <p className="mt-2 text-sm">
                Showing the latest {recognised.rows.length}.{" "}
                <TextLink href={`/recognition?team=${team.id}`}>See every recognition of this team</TextLink>
              </p>
            )}
          </>
        )}
      </section>
      <section className="max-w-3xl">
        <h2 className="mb-2 text-lg font-semibold">Behaviours, last 28 days</h2>
        {team.suppressed ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">{SUPPRESSION_TEXT[team.suppressed]}.</p>
        ) : team.behaviours.length === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            No active behaviours yet. A behaviour becomes active once a colleague has video-tested it in the{" "}
            <TextLink href="/catalogue">catalogue</TextLink>.
          </p>
        ) : (
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
                    <TextLink href={`/catalogue/${b.id}`}>{b.title}</TextLink>
                  </td>
                  <td className="py-1.5 tabular-nums">{formatRate(b.adoption28d?.rate ?? null)}</td>
                  <td className="py-1.5 tabular-nums">{b.adoption28d?.opportunities}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
