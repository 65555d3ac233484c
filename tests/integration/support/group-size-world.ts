// The organisation the minimum-group-size tests share (docs/decisions/039): a 3-person team, a 6-person team and
// a 7-person team (plus the scenario's own team, with nobody in it), each logging 3 performed and 1 missed a day
// for the last 20 days, the misses citing one barrier, and a recognition for each team.
import { db } from "@/lib/server/db";
import { buildMember, buildObservations, buildOrgScenario, buildTeam, type ObservationFields } from "../../factories";
import { contextFor } from "./context";

const DAY = 86_400_000;

export async function world() {
  const s = await buildOrgScenario(db());
  await db().behaviour.update({ where: { id: s.behaviour.id }, data: { status: "ACTIVE" } });
  const teamOf = async (name: string, size: number) => {
    const team = await buildTeam(db(), s.org.id, { name });
    const people = await Promise.all(Array.from({ length: size }, () => buildMember(db(), s.org.id, "MEMBER")));
    await db().teamMember.createMany({
      data: people.map((p) => ({ organizationId: s.org.id, teamId: team.id, membershipId: p.membership.id })),
    });
    return { team, people };
  };
  const small = await teamOf("Small", 3);
  const mid = await teamOf("Mid", 6);
  const big = await teamOf("Big", 7);
  // Every day of the last 20: 3 performed and 1 missed per team, the misses citing a barrier.
  const barrier = await db().barrier.create({
    data: {
      organizationId: s.org.id,
      title: "Queue has no owner",
      description: "Nobody picks up the queue.",
      comB: "PHYSICAL_OPPORTUNITY",
      determinant: "ACCESS",
      createdById: s.leader.membership.id,
    },
  });
  await db().barrierBehaviour.create({
    data: { organizationId: s.org.id, barrierId: barrier.id, behaviourId: s.behaviour.id },
  });
  const now = new Date();
  const rows: ObservationFields[] = [];
  for (const t of [small, mid, big])
    for (let d = 1; d <= 20; d++)
      rows.push(
        {
          organizationId: s.org.id,
          behaviourId: s.behaviour.id,
          teamId: t.team.id,
          observerId: t.people[0]!.membership.id,
          occurredAt: new Date(now.getTime() - d * DAY),
          performed: 3,
        },
        {
          organizationId: s.org.id,
          behaviourId: s.behaviour.id,
          teamId: t.team.id,
          observerId: t.people[1]!.membership.id,
          occurredAt: new Date(now.getTime() - d * DAY),
          performed: 0,
          missed: 1,
        },
      );
  await buildObservations(db(), rows);
  await db().observation.updateMany({
    where: { organizationId: s.org.id, missed: 1 },
    data: { barrierId: barrier.id },
  });
  // A recognition for each team.
  for (const t of [small, mid, big])
    await db().recognition.create({
      data: {
        organizationId: s.org.id,
        giverId: s.leader.membership.id,
        recipientTeamId: t.team.id,
        behaviourId: s.behaviour.id,
        act: "Closed the loop with the customer before the release.",
        customerEffect: "The customer knew the fix was live the same day.",
      },
    });
  const ctx = {
    admin: await contextFor(s.admin.user.id, s.org.id),
    leader: await contextFor(s.leader.user.id, s.org.id),
    // One of the small team's own people: its figures are hidden from them too.
    insider: await contextFor(small.people[2]!.user.id, s.org.id),
  };
  return { s, small, mid, big, barrier, ctx, now };
}
