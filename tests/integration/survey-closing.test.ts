import { describe, expect, it } from "vitest";
import pg from "pg";
import { db } from "@/lib/server/db";
import {
  createSurvey,
  getSurvey,
  listSurveys,
  respondToSurvey,
  setSurveyClosesOn,
  setSurveyStatus,
} from "@/lib/server/data/surveys";
import { runNotificationsTick } from "@/lib/server/notify/tick";
import { RuleError } from "@/lib/server/errors";
import { SurveyClosesOnInput, SurveyInput } from "@/lib/schemas/surveys";
import { addDays, currentDay, dateOnly, fromDateOnly } from "@/lib/domain/dates";
import { buildMember, buildMembership, buildOrgScenario, buildUser } from "../factories";
import { contextFor } from "./support/context";
import { dataCounts } from "./support/snapshot";

// Surveys that close on a day (docs/decisions/023): the day is the organisation's, a response after it ends is
// refused in the same transaction as the write, and the notifications tick reminds whoever has not answered the
// day before, once, across Europe/London's change to summer time (Sunday 2026-03-29, 01:00 UTC).

const QUESTIONS = [
  {
    text: "Did you post the root cause on every ticket last week?",
    kind: "SCREENING",
    options: [
      { label: "Yes", classifies: "DOER" },
      { label: "No", classifies: "NON_DOER" },
    ],
  },
  {
    text: "Is it difficult to find the logs you need?",
    kind: "DETERMINANT",
    determinant: "ACCESS",
    options: [{ label: "Yes" }, { label: "No" }],
  },
];

async function scenario(zone = "Europe/London") {
  const s = await buildOrgScenario(db());
  await db().organization.update({ where: { id: s.org.id }, data: { timeZone: zone } });
  const manager = await contextFor(s.manager.user.id, s.org.id);
  const member = await contextFor(s.member.user.id, s.org.id);
  const create = async (title: string, closesOn = "") =>
    createSurvey(
      manager,
      SurveyInput.parse({
        title,
        behaviourId: s.behaviour.id,
        prevalencePct: "",
        anonymous: "on",
        closesOn,
        questions: JSON.stringify(QUESTIONS),
      }),
    );
  const answer = async (ctx: typeof member, surveyId: string, option: "Yes" | "No") => {
    const survey = await getSurvey(manager, surveyId);
    const pick = (q: number, label: string) => survey.questions[q]!.options.find((o) => o.label === label)!.id;
    await respondToSurvey(
      ctx,
      surveyId,
      new Map([
        [survey.questions[0]!.id, [pick(0, option)]],
        [survey.questions[1]!.id, [pick(1, "Yes")]],
      ]),
    );
  };
  return { s, manager, member, create, answer };
}

const setClosesOn = (id: string, day: string | null) =>
  db().survey.update({ where: { id }, data: { closesOn: day === null ? null : dateOnly(day) } });

describe("a survey's closing day", () => {
  it("is chosen at creation and changed on the survey; a day before the organisation's today is refused beside the field", async () => {
    // Far east of UTC, the organisation's today may be UTC's tomorrow: its yesterday passes the schema (which knows
    // no zone) and is refused by the data layer.
    const { manager, create } = await scenario("Pacific/Kiritimati");
    const today = currentDay("Pacific/Kiritimati");
    const id = await create("Closing on a day", addDays(today, 7));
    expect((await getSurvey(manager, id)).closesOn).toBe(addDays(today, 7));

    const before = await dataCounts();
    const yesterday = SurveyClosesOnInput.parse({ surveyId: id, closesOn: addDays(today, -1) });
    await expect(setSurveyClosesOn(manager, id, yesterday.closesOn)).rejects.toMatchObject({
      field: "closesOn",
      message: "The closing day cannot be in the past.",
    });
    await expect(create("Closed before it opens", addDays(today, -1))).rejects.toBeInstanceOf(RuleError);
    expect(await dataCounts()).toEqual(before);
    expect((await getSurvey(manager, id)).closesOn).toBe(addDays(today, 7));
    // Anything earlier than any zone's today does not even parse.
    expect(SurveyClosesOnInput.safeParse({ surveyId: id, closesOn: addDays(today, -3) }).success).toBe(false);

    await setSurveyClosesOn(manager, id, today);
    expect((await getSurvey(manager, id)).closed).toBe(false);
    await setSurveyClosesOn(manager, id, null);
    expect((await getSurvey(manager, id)).closesOn).toBeNull();
    const audit = await db().auditEvent.count({ where: { targetId: id, action: "survey.closing_day" } });
    expect(audit).toBe(2);
  });

  it("takes responses through its closing day and none after, and shows as closed on that day", async () => {
    const { s, manager, member, create, answer } = await scenario("Pacific/Auckland");
    const today = currentDay("Pacific/Auckland");
    const id = await create("Last call", today);
    await answer(member, id, "No"); // the whole closing day takes responses
    expect(await db().surveyRespondent.count({ where: { surveyId: id } })).toBe(1);

    await setClosesOn(id, addDays(today, -1));
    const other = await contextFor(s.admin.user.id, s.org.id);
    const before = await dataCounts();
    await expect(answer(other, id, "Yes")).rejects.toThrow("This survey is closed: it takes no more responses.");
    expect(await dataCounts()).toEqual(before);
    const row = (await listSurveys(manager)).find((r) => r.id === id)!;
    expect(row).toMatchObject({ status: "OPEN", closesOn: addDays(today, -1), closed: true });
    expect((await listSurveys(member)).find((r) => r.id === id)?.closed).toBe(true);

    // Reopening by hand clears a past closing day (it would close it again at once).
    await setSurveyStatus(manager, id, "OPEN");
    expect(await getSurvey(manager, id)).toMatchObject({ closesOn: null, closed: false });
    await answer(other, id, "Yes");
    expect(await db().surveyRespondent.count({ where: { surveyId: id } })).toBe(2);
  });

  // Two connections at once: PostgreSQL only (the embedded database runs one transaction at a time).
  it.runIf(process.env.CONDUCT_TEST_DB === "postgres")(
    "refuses a response whose write waited for a close committed meanwhile (the check is in the writing transaction)",
    async () => {
      const { member, create, answer } = await scenario();
      const id = await create("Racing the close");
      const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      try {
        // A manager's close still open when the response starts: the page's check saw the survey open.
        await other.query("BEGIN");
        await other.query(`UPDATE "Survey" SET "status" = 'CLOSED' WHERE "id" = $1`, [id]);
        const response = answer(member, id, "No").then(
          () => null,
          (err: unknown) => err,
        );
        await new Promise((resolve) => setTimeout(resolve, 500));
        await other.query("COMMIT");
        expect(await response).toMatchObject({ message: "This survey is closed: it takes no more responses." });
      } finally {
        await other.end();
      }
      expect(await db().surveyRespondent.count({ where: { surveyId: id } })).toBe(0);
    },
  );
});

const FIFTEEN_MIN = 15 * 60 * 1000;

async function mails(orgId: string, kind: string) {
  return db().mailMessage.findMany({
    where: { organizationId: orgId, kind },
    select: { toAddress: true, subject: true, text: true, createdAt: true },
    orderBy: [{ toAddress: "asc" }, { subject: "asc" }],
  });
}

async function reminderScenario() {
  const sc = await scenario("Europe/London");
  const { s, create, answer, member } = sc;
  const p = db();
  const quiet = await buildMember(p, s.org.id, "MEMBER", { name: "Quiet Person" });
  await p.notificationPreference.create({
    data: { organizationId: s.org.id, membershipId: quiet.membership.id, kind: "SURVEY_REMINDER", channel: "NONE" },
  });
  const gone = await buildUser(p, { name: "Gone Person" });
  await buildMembership(p, s.org.id, gone.id, "MEMBER", "DISABLED");
  const hook = await p.webhook.create({
    data: {
      organizationId: s.org.id,
      name: "Team channel",
      url: "https://hooks.example.com/t",
      format: "STANDARD",
      secret: "whsec_dGVzdA==",
      teamId: s.team.id,
      events: ["reminder"],
    },
  });
  // Answered while open, then given closing days in the DST week (as if set back then).
  const monday = await create("Closes Monday");
  await answer(member, monday, "No");
  const leaderCtx = await contextFor(s.leader.user.id, s.org.id);
  await answer(leaderCtx, monday, "Yes");
  const sunday = await create("Closes Sunday");
  const closedByHand = await create("Closed by hand");
  const deleted = await create("Deleted");
  await setClosesOn(monday, "2026-03-30");
  await setClosesOn(sunday, "2026-03-29");
  await setClosesOn(closedByHand, "2026-03-30");
  await setClosesOn(deleted, "2026-03-30");
  await p.survey.update({ where: { id: closedByHand }, data: { status: "CLOSED" } });
  await p.survey.update({ where: { id: deleted }, data: { deletedAt: new Date("2026-03-01T00:00:00Z") } });
  return { ...sc, quiet, gone, hook, monday, sunday };
}

describe("the closing reminder", () => {
  it("goes the day before at 09:00 local across the change to summer time, once, to those still to answer", async () => {
    const { s, quiet, gone, hook, monday, sunday } = await reminderScenario();
    const org = s.org.id;
    const start = Date.parse("2026-03-27T12:00:00Z");
    const end = Date.parse("2026-03-31T00:00:00Z");
    for (let t = start; t < end; t += FIFTEEN_MIN) await runNotificationsTick(new Date(t), { orgIds: [org] });

    const ledger = await db().notificationSend.findMany({
      where: { organizationId: org, kind: "survey-reminder", recipient: { not: "*" } },
      select: { subjectId: true, recipient: true, period: true, createdAt: true },
    });
    // Sunday's survey: Saturday 09:00 GMT; Monday's: Sunday 09:00 BST (08:00 UTC). Nothing for the closed or deleted.
    const when = (id: string) => [
      ...new Set(ledger.filter((l) => l.subjectId === id).map((l) => l.createdAt.toISOString())),
    ];
    expect(when(sunday)).toEqual(["2026-03-28T09:00:00.000Z"]);
    expect(when(monday)).toEqual(["2026-03-29T08:00:00.000Z"]);
    expect(new Set(ledger.map((l) => l.subjectId))).toEqual(new Set([sunday, monday]));
    expect(new Set(ledger.map((l) => l.period))).toEqual(new Set(["2026-03-29", "2026-03-30"]));

    // Monday's: everyone active except who answered (the member and the leader), who chose none, and the disabled.
    const all = await mails(org, "survey-reminder");
    const to = (title: string) => all.filter((m) => m.subject === `Closes tomorrow: ${title}`).map((m) => m.toAddress);
    expect(to("Closes Monday")).toEqual([s.admin.user.email, s.manager.user.email].sort());
    expect(to("Closes Sunday")).toEqual(
      [s.admin.user.email, s.leader.user.email, s.manager.user.email, s.member.user.email].sort(),
    );
    expect(all.some((m) => m.toAddress === quiet.user.email || m.toAddress === gone.email)).toBe(false);
    expect(all).toHaveLength(6);
    const reminder = all.find((m) => m.subject === "Closes tomorrow: Closes Monday")!;
    expect(reminder.text).toContain("tomorrow, 30 Mar 2026");
    expect(reminder.text).toContain(`/surveys/${monday}/respond`);

    // The author's summary, once per survey.
    const summaries = await mails(org, "survey-summary");
    expect(summaries.map((m) => [m.toAddress, m.subject])).toEqual([
      [s.manager.user.email, "Closes tomorrow: Closes Monday (2 responses)"],
      [s.manager.user.email, "Closes tomorrow: Closes Sunday (0 responses)"],
    ]);
    expect(summaries[0]!.text).toContain("2 responses, 1 doer and 1 non-doer so far.");

    // The team's channel, once per survey.
    const deliveries = await db().webhookDelivery.findMany({ where: { webhookId: hook.id }, select: { event: true } });
    expect(deliveries.map((d) => d.event)).toEqual(["reminder", "reminder"]);
    // The anonymous survey still stores nobody: its respondents carry no membership.
    expect(await db().surveyRespondent.count({ where: { surveyId: monday, membershipId: { not: null } } })).toBe(0);
  }, 600_000);

  it("sends once when many ticks run at the same moment, and not again after a lost marker", async () => {
    const { s, monday } = await reminderScenario();
    const at = new Date("2026-03-29T08:00:00Z");
    const runs = await Promise.all(Array.from({ length: 8 }, () => runNotificationsTick(at, { orgIds: [s.org.id] })));
    // Monday's survey: two reminders and the author's summary.
    expect(runs.reduce((n, r) => n + r.mails, 0)).toBe(3);
    expect(await mails(s.org.id, "survey-reminder")).toHaveLength(2);
    expect(await mails(s.org.id, "survey-summary")).toHaveLength(1);
    expect(await db().webhookDelivery.count({ where: { organizationId: s.org.id, event: "reminder" } })).toBe(1);

    await db().notificationSend.deleteMany({ where: { organizationId: s.org.id, recipient: "*" } });
    const again = await runNotificationsTick(new Date(at.getTime() + FIFTEEN_MIN), { orgIds: [s.org.id] });
    expect(again.mails).toBe(0);
    expect(await mails(s.org.id, "survey-reminder")).toHaveLength(2);
    expect((await db().survey.findUniqueOrThrow({ where: { id: monday } })).status).toBe("OPEN");
    expect(fromDateOnly((await db().survey.findUniqueOrThrow({ where: { id: monday } })).closesOn!)).toBe("2026-03-30");
  }, 120_000);
});
