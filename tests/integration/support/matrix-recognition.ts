// Matrix rows for recognition (src/lib/actions/recognition.ts) and the reads of its pages, the team
// page and the standup's wins.
import { GiveRecognitionInput } from "@/lib/schemas/recognition";
import {
  giveRecognition,
  listRecognitions,
  recognitionOptions,
  recognitionsIn,
  removeRecognition,
} from "@/lib/server/data/recognition";
import { recognitionAnalytics } from "@/lib/server/data/recognition-analytics";
import { lastDays } from "@/lib/domain/dates";
import { type Row, at, row, ALL, MANAGERS, A } from "./matrix-core";
import { today, type Person, type Side } from "./matrix-scenario";

const ACT = "Called the customer to confirm the fix before closing the ticket.";
const EFFECT = "The customer found a second failing file on the call; it was fixed the same day.";

/** A colleague other than `me`: every role is in the scenario's team. */
const colleague = (s: Side, me: Person) => s.people[me.role === "MEMBER" ? "MANAGER" : "MEMBER"];

const toTeam = (s: Side) =>
  GiveRecognitionInput.parse({
    recipientTeamId: s.team.id,
    behaviourId: s.behaviour.id,
    act: ACT,
    customerEffect: EFFECT,
  });

export const RECOGNITION_ACTION_ROWS: Row<unknown>[] = [
  row({
    action: "giveRecognitionAction",
    surface: A("recognition"),
    variant: "to a colleague, with an observation",
    requires: "recognition.give",
    data: "recognition.giveRecognition",
    kind: "write",
    allowed: ALL,
    setup: async (s, me) =>
      GiveRecognitionInput.parse({
        recipientMembershipId: colleague(s, me).membershipId,
        behaviourId: s.behaviour.id,
        act: ACT,
        customerEffect: EFFECT,
        // Logged by the member in the team every role belongs to.
        observationId: (await s.observation()).id,
      }),
    call: (ctx, i) => giveRecognition(ctx, i),
    ids: [at("recipientMembershipId", "not-found"), at("behaviourId", "not-found"), at("observationId", "not-found")],
  }),
  row({
    action: "giveRecognitionAction",
    surface: A("recognition"),
    variant: "to a team",
    requires: "recognition.give",
    data: "recognition.giveRecognition",
    kind: "write",
    allowed: ALL,
    setup: async (s) => toTeam(s),
    call: (ctx, i) => giveRecognition(ctx, i),
    ids: [at("recipientTeamId", "not-found")],
  }),
  row({
    action: "removeRecognitionAction",
    surface: A("recognition"),
    variant: "the caller's own, within the hour",
    requires: null,
    note: "requireMember() only: the giver takes back their own within the undo window",
    data: "recognition.removeRecognition",
    kind: "write",
    allowed: ALL,
    setup: async (s, me) => ({ id: await giveRecognition(me.ctx, toTeam(s)) }),
    call: (ctx, i) => removeRecognition(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: "removeRecognitionAction",
    surface: A("recognition"),
    variant: "someone else's",
    requires: null,
    note: "requireMember() only: removing another's recognition needs feedback.manage (checked in the data layer)",
    data: "recognition.removeRecognition",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s, me) => ({
      id: await giveRecognition(s.people[me.role === "ADMIN" ? "LEADER" : "ADMIN"].ctx, toTeam(s)),
    }),
    call: (ctx, i) => removeRecognition(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /recognition",
    requires: "recognition.give",
    data: "recognition.recognitionOptions",
    kind: "read",
    allowed: ALL,
    setup: async () => ({}),
    call: (ctx) => recognitionOptions(ctx),
  }),
  row({
    action: null,
    surface: "page /recognition/analytics",
    requires: "dashboards.view",
    data: "recognition-analytics.recognitionAnalytics",
    kind: "read",
    allowed: MANAGERS,
    setup: async () => ({ period: lastDays(today(), 84) }),
    call: (ctx, i) => recognitionAnalytics(ctx, i.period),
  }),
];

/** A recognition by the admin to the member (in the team) for the behaviour: every filter selects it. */
const oneRecognition = async (s: Side) =>
  giveRecognition(
    s.people.ADMIN.ctx,
    GiveRecognitionInput.parse({
      recipientMembershipId: s.people.MEMBER.membershipId,
      behaviourId: s.behaviour.id,
      act: ACT,
      customerEffect: EFFECT,
    }),
  );

export const RECOGNITION_OPEN_READS: Row<unknown>[] = [
  row({
    action: null,
    surface: "page /recognition",
    requires: null,
    data: "recognition.listRecognitions",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({
      r: await oneRecognition(s),
      filter: {
        teamId: s.team.id,
        behaviourId: s.behaviour.id,
        receivedBy: s.people.MEMBER.membershipId,
        givenBy: s.people.ADMIN.membershipId,
      },
    }),
    call: (ctx, i) => listRecognitions(ctx, i.filter),
    ids: [
      at("filter.teamId", "same"),
      at("filter.behaviourId", "same"),
      at("filter.receivedBy", "same"),
      at("filter.givenBy", "same"),
    ],
  }),
  row({
    action: null,
    surface: "page /dashboards/standup",
    requires: null,
    data: "recognition.recognitionsIn",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({
      r: await oneRecognition(s),
      period: lastDays(today(), 28),
      scope: { teamIds: [s.team.id] },
    }),
    call: (ctx, i) => recognitionsIn(ctx, i.period, i.scope),
    ids: [at("scope.teamIds", "same")],
  }),
];
