// The scenario of the role × action matrix (tests/integration/support/matrix.ts): two fresh
// organisations with every role, and the records the rows act on, built the first time a row asks.
import { createHash } from "node:crypto";
import { db } from "@/lib/server/db";
import { ROLES, type Role } from "@/lib/domain/roles";
import type { MemberContext } from "@/lib/server/data/accounts";
import { BarrierInput } from "@/lib/schemas/barriers";
import { InviteInput } from "@/lib/schemas/members";
import { MetricInput, ReadingInput } from "@/lib/schemas/metrics";
import { LogObservationInput } from "@/lib/schemas/observations";
import { SurveyInput, type SurveyDto } from "@/lib/schemas/surveys";
import { logObservation } from "@/lib/server/data/observation-log";
import { createInvitation } from "@/lib/server/data/members";
import { createBarrier } from "@/lib/server/data/barriers";
import { createSurvey, getSurvey } from "@/lib/server/data/surveys";
import { createMetric } from "@/lib/server/data/metric-editor";
import { addReading } from "@/lib/server/data/metric-readings";
import { buildBehaviour, buildOrgScenario } from "../../factories";
import { contextFor } from "./context";

export interface Person {
  role: Role;
  userId: string;
  email: string;
  membershipId: string;
  ctx: MemberContext;
}

/** One organisation with every role (all four in its team), a value and an ACTIVE behaviour; the rest on demand, once. */
export interface Side {
  org: { id: string; name: string };
  people: Record<Role, Person>;
  team: { id: string; name: string };
  value: { id: string; name: string };
  behaviour: { id: string; title: string };
  barrier(): Promise<string>;
  survey(): Promise<SurveyDto>;
  metric(): Promise<{ id: string; name: string }>;
  observation(): Promise<{ id: string; token: string }>;
  invitation(): Promise<string>;
}

export interface Scenario {
  a: Side;
  b: Side;
}

let seq = 0;
export const uid = () => `${Date.now().toString(36)}${(seq++).toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** An id that never existed, shaped like the app's cuids. */
export const randomId = () =>
  `c${Array.from({ length: 24 }, () => Math.floor(Math.random() * 36).toString(36)).join("")}`;
export const today = () => new Date().toISOString().slice(0, 10);
export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
export const key = () => `k${uid()}`.replace(/[^A-Za-z0-9_-]/g, "").padEnd(8, "0");
export const once = <T>(f: () => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= f());
};

export const SCREENING = "Did you post the root cause on every ticket last week?";
export const ACCESS = "Is it difficult to find the logs you need?";
export const NORMS = "Do your colleagues approve of posting root causes?";
export const QUESTIONS = [
  {
    text: SCREENING,
    kind: "SCREENING",
    options: [
      { label: "Yes", classifies: "DOER" },
      { label: "No", classifies: "NON_DOER" },
      { label: "No tickets", classifies: "EXCLUDED" },
    ],
  },
  { text: ACCESS, kind: "DETERMINANT", determinant: "ACCESS", options: [{ label: "Yes" }, { label: "No" }] },
  {
    text: NORMS,
    kind: "DETERMINANT",
    determinant: "SOCIAL_NORMS",
    options: [{ label: "Yes" }, { label: "Not sure" }, { label: "No" }],
  },
];
export const surveyCsv = (rows: string[][]) =>
  [["respondent", "group", SCREENING, ACCESS, NORMS], ...rows].map((r) => r.join(",")).join("\n") + "\n";
/** 45 doers and 45 non-doers: "Yes" to the access question is a significant barrier (as in surveys.test.ts). */
export function significantRespondents(): string[][] {
  const rows: string[][] = [];
  const norms = (i: number, yes: number) => (i < yes ? "Yes" : i < yes + 10 ? "Not sure" : "No");
  for (let i = 0; i < 45; i++) rows.push([`d${i}`, "", "Yes", i < 8 ? "Yes" : "No", norms(i, 30)]);
  for (let i = 0; i < 45; i++) rows.push([`n${i}`, "", "No", i < 30 ? "Yes" : "No", norms(i, 28)]);
  return rows;
}

export const behaviourForm = (s: Side, title = `Confirms the fix with the customer ${uid()}`) => ({
  title,
  valueId: s.value.id,
  ownerId: s.people.LEADER.membershipId,
  actor: "The support engineer",
  action: "replies on the ticket with the fix and asks the customer to confirm it",
  trigger: "When a fix is deployed",
  frequency: "within 4 hours",
  completionCriterion: "A reply asking for confirmation is visible on the ticket",
  customerOutcome: "Customers hear that their problem is solved",
  example: "",
  anchors: "Would the customer notice?",
});
export const barrierForm = (s: Side) => ({
  title: `Logs are hard to find ${uid()}`,
  description: "Engineers cannot find the logs of a customer's request.",
  evidence: "",
  comB: "PHYSICAL_OPPORTUNITY",
  determinant: "ACCESS",
  feasibility: "DIFFICULT",
  impact: "4",
  reach: "3",
  ease: "2",
  behaviourIds: [s.behaviour.id],
  teamIds: [s.team.id],
});
export const metricForm = (s: Side, name: string) => ({
  name,
  unit: "%",
  description: "",
  kind: "CUSTOMER_OUTCOME",
  timing: "LAGGING",
  direction: "UP",
  ownerId: s.people.LEADER.membershipId,
  teamIds: [s.team.id],
  sourceBehaviourId: "",
  targetType: "AT_LEAST",
  targetValue: "90",
  targetDate: "",
});
export const logForm = (s: Side, over: Record<string, unknown> = {}) => ({
  behaviourId: s.behaviour.id,
  teamId: s.team.id,
  outcome: "performed",
  note: "",
  anonymous: false,
  idempotencyKey: key(),
  ...over,
});

/** A behaviour in the given status, written by someone other than `notBy` (a reviewer may not test their own). */
export async function behaviourIn(s: Side, status: "DRAFT" | "IN_REVIEW", notBy: Role) {
  const author = s.people[notBy === "MEMBER" ? "LEADER" : "MEMBER"].membershipId;
  const b = await buildBehaviour(
    db(),
    { organizationId: s.org.id, valueId: s.value.id, ownerId: s.people.LEADER.membershipId, authorId: author },
    { status, title: `Root cause on the ticket ${uid()}` },
  );
  return b.id;
}

export async function buildSide(label: string): Promise<Side> {
  const p = db();
  const s = await buildOrgScenario(p, { name: `${label} ${uid()}` });
  const built = { ADMIN: s.admin, LEADER: s.leader, MANAGER: s.manager, MEMBER: s.member };
  await p.teamMember.createMany({
    data: ROLES.map((r) => ({ organizationId: s.org.id, teamId: s.team.id, membershipId: built[r].membership.id })),
  });
  const people = Object.fromEntries(
    await Promise.all(
      ROLES.map(async (role) => {
        const m = built[role];
        return [
          role,
          {
            role,
            userId: m.user.id,
            email: m.user.email,
            membershipId: m.membership.id,
            ctx: await contextFor(m.user.id, s.org.id),
          },
        ] as const;
      }),
    ),
  ) as Record<Role, Person>;
  return sideOf({
    org: { id: s.org.id, name: s.org.name },
    people,
    team: { id: s.team.id, name: s.team.name },
    value: { id: s.value.id, name: s.value.name },
    behaviour: { id: s.behaviour.id, title: s.behaviour.title },
  });
}

type SideRecords = Pick<Side, "org" | "people" | "team" | "value" | "behaviour">;

/**
 * A side over existing records (every role a member of `team`), with the rest built on demand:
 * buildSide's fresh organisation, or the seeded demo organisation (page-plans.test.ts).
 */
export function sideOf(records: SideRecords): Side {
  const p = db();
  const { people } = records;
  const side: Side = {
    ...records,
    barrier: once(() => createBarrier(people.MANAGER.ctx, BarrierInput.parse(barrierForm(side)))),
    survey: once(async () => {
      const form = {
        title: "Why root causes go unposted",
        behaviourId: side.behaviour.id,
        prevalencePct: "",
        anonymous: "",
        questions: JSON.stringify(QUESTIONS),
      };
      return getSurvey(people.MANAGER.ctx, await createSurvey(people.MANAGER.ctx, SurveyInput.parse(form)));
    }),
    metric: once(async () => {
      const name = `Customer retention ${uid()}`;
      const id = await createMetric(people.MANAGER.ctx, MetricInput.parse(metricForm(side, name)));
      await addReading(
        people.MANAGER.ctx,
        ReadingInput.parse({ metricId: id, date: today(), teamId: "", value: "92" }),
      );
      return { id, name };
    }),
    observation: once(async () => {
      const o = await logObservation(people.MEMBER.ctx, LogObservationInput.parse(logForm(side)));
      return { id: o.id, token: o.undoToken };
    }),
    invitation: once(async () => {
      const { token } = await createInvitation(people.ADMIN.ctx, InviteInput.parse({ role: "MEMBER", email: "" }));
      const tokenHash = createHash("sha256").update(token).digest("hex");
      return (await p.invitation.findUniqueOrThrow({ where: { tokenHash }, select: { id: true } })).id;
    }),
  };
  return side;
}

/** Two fresh organisations, each with every role. */
export async function buildScenario(): Promise<Scenario> {
  const [a, b] = await Promise.all([buildSide("Org A"), buildSide("Org B")]);
  return { a, b };
}
