import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  addTeamMember,
  createTeam,
  deleteTeam,
  moveTeam,
  removeTeamMember,
  renameTeam,
  setTeamArchived,
  teamPeople,
  teamStructure,
} from "@/lib/server/data/team-admin";
import { logObservation, logOptions } from "@/lib/server/data/observation-log";
import { TeamInput } from "@/lib/schemas/teams";
import { ForbiddenError, NotFoundError } from "@/lib/server/errors";
import { buildMember, buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";
import { setLeadersManageTeams } from "@/lib/server/data/organization-settings";
import { dataCounts } from "./support/snapshot";

let seq = 0;
const key = () => `team-${Date.now().toString(36)}-${seq++}`;

async function scenario() {
  const s = await buildOrgScenario(db());
  const admin = await contextFor(s.admin.user.id, s.org.id);
  const manager = await contextFor(s.manager.user.id, s.org.id);
  const member = await contextFor(s.member.user.id, s.org.id);
  return { s, admin, manager, member };
}

const team = (name: string, parentId = "") => TeamInput.parse({ name, kind: "TEAM", parentId });
const stream = (name: string) => TeamInput.parse({ name, kind: "VALUE_STREAM" });

describe("teams and value streams", () => {
  it("lets an admin build the structure from nothing: value streams holding teams, and teams in none", async () => {
    const { admin, member } = await scenario();
    const payments = await createTeam(admin, stream("Payments"));
    const checkout = await createTeam(admin, team("Checkout", payments));
    const refunds = await createTeam(admin, team("Refunds", payments));
    const platform = await createTeam(admin, team("Platform"));
    const structure = await teamStructure(member);
    expect(structure.streams.map((s) => [s.name, s.teams.map((t) => t.name)])).toEqual([
      ["Payments", ["Checkout", "Refunds"]],
    ]);
    expect(structure.unassigned.map((t) => t.name)).toEqual(expect.arrayContaining(["Platform"]));

    await moveTeam(admin, platform, payments);
    await renameTeam(admin, refunds, "Refunds and disputes");
    const after = await teamStructure(member);
    expect(after.streams[0]!.teams.map((t) => t.name)).toEqual(["Checkout", "Platform", "Refunds and disputes"]);
    expect(checkout).toBeTruthy();
  });

  it("refuses a clashing name, a stream inside a stream and another organisation's stream beside the field, changing nothing", async () => {
    const { admin } = await scenario();
    const other = await scenario();
    const payments = await createTeam(admin, stream("Payments"));
    const foreignStream = await createTeam(other.admin, stream("Elsewhere"));
    const before = await dataCounts();
    await expect(createTeam(admin, team("Payments"))).rejects.toMatchObject({ field: "name" });
    await expect(
      createTeam(admin, TeamInput.parse({ name: "Nested", kind: "VALUE_STREAM", parentId: payments })),
    ).rejects.toMatchObject({ field: "parentId" });
    await expect(createTeam(admin, team("Orphan", foreignStream))).rejects.toMatchObject({ field: "parentId" });
    const checkout = await createTeam(admin, team("Checkout"));
    await expect(moveTeam(admin, checkout, foreignStream)).rejects.toMatchObject({ field: "parentId" });
    await expect(renameTeam(admin, foreignStream, "Mine now")).rejects.toBeInstanceOf(NotFoundError);
    expect((await db().team.findUniqueOrThrow({ where: { id: foreignStream } })).name).toBe("Elsewhere");
    expect((await dataCounts()).Team).toBe((before.Team ?? 0) + 1);
  });

  it("offers only the caller's unarchived teams on the Log pad and refuses logging for an archived one", async () => {
    const { s, admin, member } = await scenario();
    const checkout = await createTeam(admin, team("Checkout"));
    await addTeamMember(admin, checkout, s.member.membership.id);
    await db().behaviour.update({ where: { id: s.behaviour.id }, data: { status: "ACTIVE" } });
    expect((await logOptions(member)).teams.map((t) => t.name)).toEqual(["Checkout"]);
    const entry = { behaviourId: s.behaviour.id, teamId: checkout, note: "", anonymous: false };
    await logObservation(member, { ...entry, outcome: "performed", idempotencyKey: key() });

    await setTeamArchived(admin, checkout, true);
    expect((await logOptions(member)).teams).toEqual([]);
    await expect(logObservation(member, { ...entry, outcome: "missed", idempotencyKey: key() })).rejects.toMatchObject({
      field: "teamId",
    });
    expect(await db().observation.count({ where: { teamId: checkout } })).toBe(1);
    expect((await teamStructure(member)).unassigned.find((t) => t.id === checkout)?.archived).toBe(true);

    await setTeamArchived(admin, checkout, false);
    expect((await logOptions(member)).teams.map((t) => t.name)).toEqual(["Checkout"]);
  });

  it("deletes only an empty team or value stream, and says what is in the way", async () => {
    const { s, admin } = await scenario();
    const payments = await createTeam(admin, stream("Payments"));
    const checkout = await createTeam(admin, team("Checkout", payments));
    await addTeamMember(admin, checkout, s.member.membership.id);
    await expect(deleteTeam(admin, payments)).rejects.toThrow("“Payments” still holds 1 team. Archive it instead");
    await expect(deleteTeam(admin, checkout)).rejects.toThrow("“Checkout” still holds 1 member.");
    await removeTeamMember(admin, checkout, s.member.membership.id);
    await deleteTeam(admin, checkout);
    await deleteTeam(admin, payments);
    expect(await db().team.count({ where: { id: { in: [checkout, payments] } } })).toBe(0);
    const events = await db().auditEvent.findMany({
      where: { organizationId: s.org.id, action: { startsWith: "team." } },
      select: { action: true },
    });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["team.create", "team.member.add", "team.member.remove", "team.delete"]),
    );
  });

  it("never deletes a team while an observation is being logged for it", async () => {
    const { s, admin } = await scenario();
    await db().behaviour.update({ where: { id: s.behaviour.id }, data: { status: "ACTIVE" } });
    for (let round = 0; round < 15; round++) {
      const id = await createTeam(admin, team(`Race ${round}`));
      const { user, membership } = await buildMember(db(), s.org.id, "MEMBER");
      await db().teamMember.create({ data: { organizationId: s.org.id, teamId: id, membershipId: membership.id } });
      const logger = await contextFor(user.id, s.org.id);
      // The member leaves as the entry is logged and the admin deletes the (then empty-looking) team.
      const entry = {
        behaviourId: s.behaviour.id,
        teamId: id,
        note: "",
        anonymous: false,
        outcome: "performed" as const,
      };
      const [logged, , deleted] = await Promise.allSettled([
        logObservation(logger, { ...entry, idempotencyKey: key() }),
        db().teamMember.deleteMany({ where: { teamId: id } }),
        deleteTeam(admin, id),
      ]);
      const remaining = await db().observation.count({ where: { teamId: id } });
      const teamLeft = await db().team.count({ where: { id } });
      // Either the team is gone and so is nothing that was logged, or the entry stands and the team with it.
      if (logged.status === "fulfilled") expect(teamLeft, `round ${round}`).toBe(1);
      if (deleted.status === "fulfilled") expect(remaining, `round ${round}`).toBe(0);
    }
  });

  it("lets admins and the team's own managers change its people; other managers and members are refused", async () => {
    const { s, admin, manager, member } = await scenario();
    const checkout = await createTeam(admin, team("Checkout"));
    const support = await createTeam(admin, team("Support"));
    await addTeamMember(admin, checkout, s.manager.membership.id);
    const newcomer = await buildMember(db(), s.org.id, "MEMBER");

    expect((await teamPeople(manager, checkout)).canManageMembers).toBe(true);
    await addTeamMember(manager, checkout, newcomer.membership.id);
    await addTeamMember(manager, checkout, newcomer.membership.id); // already in: nothing changes
    expect((await teamPeople(member, checkout)).members.map((m) => m.membershipId)).toEqual(
      expect.arrayContaining([s.manager.membership.id, newcomer.membership.id]),
    );
    expect((await teamPeople(member, checkout)).candidates).toEqual([]);

    await expect(addTeamMember(manager, support, newcomer.membership.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addTeamMember(member, checkout, s.leader.membership.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createTeam(manager, team("Mine"))).rejects.toBeInstanceOf(ForbiddenError);

    const { membership: disabled } = await buildMember(db(), s.org.id);
    await db().membership.update({ where: { id: disabled.id }, data: { status: "DISABLED" } });
    await expect(addTeamMember(admin, checkout, disabled.id)).rejects.toMatchObject({ field: "membershipId" });
    await removeTeamMember(manager, checkout, newcomer.membership.id);
    await expect(removeTeamMember(manager, checkout, newcomer.membership.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("lets leaders manage teams only while the organisation's setting allows it, and only an admin sets it", async () => {
    const { s, admin, manager } = await scenario();
    const other = await buildOrgScenario(db());
    const leaderOf = () => contextFor(s.leader.user.id, s.org.id);
    await expect(createTeam(await leaderOf(), team("By a leader"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setLeadersManageTeams(await leaderOf(), true)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(setLeadersManageTeams(manager, true)).rejects.toBeInstanceOf(ForbiddenError);

    await setLeadersManageTeams(admin, true);
    const leader = await leaderOf();
    expect(leader.policy).toEqual({ leadersManageTeams: true });
    const id = await createTeam(leader, team("By a leader"));
    await renameTeam(leader, id, "Renamed by a leader");
    // Only this organisation's leaders, and managers still may not.
    const otherLeader = await contextFor(other.leader.user.id, other.org.id);
    await expect(createTeam(otherLeader, team("Elsewhere"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createTeam(manager, team("By a manager"))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db().auditEvent.count({ where: { organizationId: s.org.id, action: "organization.settings" } })).toBe(
      1,
    );

    await setLeadersManageTeams(admin, false);
    await expect(renameTeam(await leaderOf(), id, "Again")).rejects.toBeInstanceOf(ForbiddenError);
  });
});
