// Matrix rows for issue 18 §3: teams' observation targets, participation, and spot checks
// (src/lib/actions/spot-checks.ts, setObservationTargetAction in src/lib/actions/teams.ts).
import { db } from "@/lib/server/db";
import { dateOnly } from "@/lib/domain/dates";
import { ObservationTargetInput } from "@/lib/schemas/teams";
import { SpotCheckIdInput, SpotCheckInput } from "@/lib/schemas/spot-checks";
import { setObservationTarget } from "@/lib/server/data/team-admin";
import { teamParticipation } from "@/lib/server/data/participation";
import {
  cancelSpotCheck,
  getSpotCheck,
  listSpotChecks,
  requestSpotCheck,
  spotCheckOptions,
} from "@/lib/server/data/spot-checks";
import { buildTeam } from "../../factories";
import { type Row, at, row, ALL, ADMINS, A, EDITORS, MANAGERS } from "./matrix-core";
import { today, type Side } from "./matrix-scenario";

const WHO_CHECKS =
  "requireMember() only: leaders and admins check any team (spotChecks.anyTeam), a MANAGER a team they belong to";

const request = (s: Side, teamId = s.team.id) =>
  SpotCheckInput.parse({
    behaviourId: s.behaviour.id,
    teamId,
    observerId: s.people.MEMBER.membershipId,
    startsOn: today(),
    days: "7",
  });

/** A running check of the scenario's team and behaviour, the member as second observer. */
async function check(s: Side): Promise<string> {
  const row = await db().spotCheck.create({
    data: {
      organizationId: s.org.id,
      behaviourId: s.behaviour.id,
      teamId: s.team.id,
      observerId: s.people.MEMBER.membershipId,
      requestedById: s.people.LEADER.membershipId,
      startsOn: dateOnly(today()),
      endsOn: dateOnly(today()),
    },
    select: { id: true },
  });
  return row.id;
}

export const SPOT_CHECK_ROWS: Row<unknown>[] = [
  row({
    action: "setObservationTargetAction",
    surface: A("teams"),
    requires: "teams.manage",
    data: "team-admin.setObservationTarget",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => ObservationTargetInput.parse({ id: s.team.id, target: "12" }),
    call: (ctx, i) => setObservationTarget(ctx, i.id, i.target),
    ids: [at("id", "not-found")],
  }),
  row({
    action: "requestSpotCheckAction",
    surface: A("spot-checks"),
    requires: null,
    data: "spot-checks.requestSpotCheck",
    kind: "write",
    allowed: MANAGERS,
    note: WHO_CHECKS,
    setup: async (s) => request(s),
    call: (ctx, i) => requestSpotCheck(ctx, i),
    ids: [at("teamId", "rule"), at("behaviourId", "rule"), at("observerId", "rule")],
  }),
  row({
    action: "requestSpotCheckAction",
    surface: A("spot-checks"),
    variant: "a team the caller is not in",
    requires: null,
    data: "spot-checks.requestSpotCheck",
    kind: "write",
    allowed: EDITORS,
    note: "a MANAGER checks only the teams they belong to",
    setup: async (s) => request(s, (await buildTeam(db(), s.org.id)).id),
    call: (ctx, i) => requestSpotCheck(ctx, i),
  }),
  row({
    action: "cancelSpotCheckAction",
    surface: A("spot-checks"),
    requires: null,
    data: "spot-checks.cancelSpotCheck",
    kind: "write",
    allowed: MANAGERS,
    note: WHO_CHECKS,
    setup: async (s) => SpotCheckIdInput.parse({ id: await check(s) }),
    call: (ctx, i) => cancelSpotCheck(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page spot-checks",
    requires: "dashboards.view",
    data: "spot-checks.listSpotChecks",
    kind: "read",
    allowed: MANAGERS,
    setup: async () => ({}),
    call: (ctx) => listSpotChecks(ctx),
  }),
  row({
    action: null,
    surface: "page spot-checks",
    requires: "dashboards.view",
    data: "spot-checks.spotCheckOptions",
    kind: "read",
    allowed: MANAGERS,
    setup: async () => ({}),
    call: (ctx) => spotCheckOptions(ctx),
  }),
  row({
    action: null,
    surface: "page spot-checks/[id]",
    requires: null,
    data: "spot-checks.getSpotCheck",
    kind: "read",
    allowed: MANAGERS,
    note: "readers of the dashboards see every check; a MEMBER only one where they are the second observer",
    setup: async (s) => {
      const id = await check(s);
      // Here the member is not the observer: the admin is.
      await db().spotCheck.update({ where: { id }, data: { observerId: s.people.ADMIN.membershipId } });
      return { id };
    },
    call: (ctx, i) => getSpotCheck(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
];

export const SPOT_CHECK_OPEN_READS: Row<unknown>[] = [
  row({
    action: null,
    surface: "page /teams/[id]",
    requires: null,
    data: "participation.teamParticipation",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: s.team.id }),
    call: (ctx, i) => teamParticipation(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
];
