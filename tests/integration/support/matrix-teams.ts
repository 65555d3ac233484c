// Matrix rows for teams and value streams (src/lib/actions/teams.ts) and the reads of their pages.
import { db } from "@/lib/server/db";
import {
  ArchiveTeamInput,
  MoveTeamInput,
  RenameTeamInput,
  TeamIdInput,
  TeamInput,
  TeamMemberInput,
} from "@/lib/schemas/teams";
import {
  addTeamMember,
  createTeam,
  deleteTeam,
  getValueStream,
  moveTeam,
  removeTeamMember,
  renameTeam,
  setTeamArchived,
  teamKind,
  teamPeople,
  teamStructure,
} from "@/lib/server/data/team-admin";
import { buildMember, buildTeam } from "../../factories";
import { type Row, at, row, ALL, ADMINS, A } from "./matrix-core";
import { uid } from "./matrix-scenario";

/** Admins, and a manager who belongs to the team (every role is in the scenario's team). */
const TEAM_MANAGERS = ["ADMIN", "MANAGER"] as const;

const stream = (orgId: string) => buildTeam(db(), orgId, { kind: "VALUE_STREAM" });

export const TEAM_ACTION_ROWS: Row<unknown>[] = [
  row({
    action: "createTeamAction",
    surface: A("teams"),
    requires: "teams.manage",
    data: "team-admin.createTeam",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) =>
      TeamInput.parse({ name: `Support ${uid()}`, kind: "TEAM", parentId: (await stream(s.org.id)).id }),
    call: (ctx, i) => createTeam(ctx, i),
    ids: [at("parentId", "rule")],
  }),
  row({
    action: "renameTeamAction",
    surface: A("teams"),
    requires: "teams.manage",
    data: "team-admin.renameTeam",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => RenameTeamInput.parse({ id: (await buildTeam(db(), s.org.id)).id, name: `Renamed ${uid()}` }),
    call: (ctx, i) => renameTeam(ctx, i.id, i.name),
    ids: [at("id", "not-found")],
  }),
  row({
    action: "moveTeamAction",
    surface: A("teams"),
    requires: "teams.manage",
    data: "team-admin.moveTeam",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) =>
      MoveTeamInput.parse({ id: (await buildTeam(db(), s.org.id)).id, parentId: (await stream(s.org.id)).id }),
    call: (ctx, i) => moveTeam(ctx, i.id, i.parentId),
    ids: [at("id", "not-found"), at("parentId", "rule")],
  }),
  row({
    action: "archiveTeamAction",
    surface: A("teams"),
    requires: "teams.manage",
    data: "team-admin.setTeamArchived",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => ArchiveTeamInput.parse({ id: (await buildTeam(db(), s.org.id)).id, archived: "true" }),
    call: (ctx, i) => setTeamArchived(ctx, i.id, i.archived),
    ids: [at("id", "not-found")],
  }),
  row({
    action: "deleteTeamAction",
    surface: A("teams"),
    requires: "teams.manage",
    data: "team-admin.deleteTeam",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => TeamIdInput.parse({ id: (await buildTeam(db(), s.org.id)).id }),
    call: (ctx, i) => deleteTeam(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: "addTeamMemberAction",
    surface: A("teams"),
    requires: null,
    data: "team-admin.addTeamMember",
    kind: "write",
    allowed: TEAM_MANAGERS,
    note: "requireMember() only: admins change any team's people, a MANAGER those of a team they belong to",
    setup: async (s) =>
      TeamMemberInput.parse({
        teamId: s.team.id,
        membershipId: (await buildMember(db(), s.org.id, "MEMBER")).membership.id,
      }),
    call: (ctx, i) => addTeamMember(ctx, i.teamId, i.membershipId),
    ids: [at("teamId", "not-found"), at("membershipId", "rule")],
  }),
  row({
    action: "addTeamMemberAction",
    surface: A("teams"),
    variant: "a team the caller is not in",
    requires: null,
    data: "team-admin.addTeamMember",
    kind: "write",
    allowed: ADMINS,
    note: "a MANAGER changes the people of their own teams only",
    setup: async (s) =>
      TeamMemberInput.parse({
        teamId: (await buildTeam(db(), s.org.id)).id,
        membershipId: (await buildMember(db(), s.org.id, "MEMBER")).membership.id,
      }),
    call: (ctx, i) => addTeamMember(ctx, i.teamId, i.membershipId),
  }),
  row({
    action: "removeTeamMemberAction",
    surface: A("teams"),
    requires: null,
    data: "team-admin.removeTeamMember",
    kind: "write",
    allowed: TEAM_MANAGERS,
    note: "requireMember() only: admins change any team's people, a MANAGER those of a team they belong to",
    setup: async (s) => {
      const { membership } = await buildMember(db(), s.org.id, "MEMBER");
      await db().teamMember.create({
        data: { organizationId: s.org.id, teamId: s.team.id, membershipId: membership.id },
      });
      return TeamMemberInput.parse({ teamId: s.team.id, membershipId: membership.id });
    },
    call: (ctx, i) => removeTeamMember(ctx, i.teamId, i.membershipId),
    ids: [at("teamId", "not-found"), at("membershipId", "not-found")],
  }),
];

export const TEAM_OPEN_READS: Row<unknown>[] = [
  row({
    action: null,
    surface: "page /teams",
    requires: null,
    data: "team-admin.teamStructure",
    kind: "read",
    allowed: ALL,
    setup: async () => ({}),
    call: (ctx) => teamStructure(ctx),
  }),
  row({
    action: null,
    surface: "page /teams/[id]",
    requires: null,
    data: "team-admin.teamKind",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: s.team.id }),
    call: (ctx, i) => teamKind(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /teams/[id]",
    requires: null,
    data: "team-admin.teamPeople",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: s.team.id }),
    call: (ctx, i) => teamPeople(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /teams/[id]",
    requires: null,
    data: "team-admin.getValueStream",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: (await stream(s.org.id)).id }),
    call: (ctx, i) => getValueStream(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
];
