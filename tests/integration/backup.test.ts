// Organisation backup and restore (docs/decisions/008), on PGlite and PostgreSQL: the demo
// organisation exported, imported into a new empty organisation and exported again gives the same
// document with other ids, the same row counts and the same figures on every page. Refusals
// (non-admins, a non-empty organisation, broken or hostile files) change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { database, db } from "@/lib/server/db";
import { importOrganisation, backupOverview } from "@/lib/server/data/backup";
import { exportOrganisation } from "@/lib/server/data/backup-export";
import { createOrganizationFor, type MemberContext } from "@/lib/server/data/accounts";
import { acceptInvitation } from "@/lib/server/data/members";
import { organisationOverview, standup, teamView } from "@/lib/server/data/dashboards";
import { getBarrier, listBarriers } from "@/lib/server/data/barriers";
import {
  getSurvey,
  hasResponded,
  listSurveys,
  respondToSurvey,
  surveyTabulation,
  createSurvey,
} from "@/lib/server/data/surveys";
import { getMetric, listMetrics } from "@/lib/server/data/metrics";
import { listCatalogue } from "@/lib/server/data/catalogue";
import { listCoverageGaps } from "@/lib/server/data/coverage";
import { listHonestyFlags } from "@/lib/server/data/honesty";
import { listTeams } from "@/lib/server/data/teams";
import { saveCustomerStory } from "@/lib/server/data/customer-stories";
import { listDeleted, softDelete } from "@/lib/server/data/trash";
import { ForbiddenError, RuleError } from "@/lib/server/errors";
import { BACKUP_ENUMS, BACKUP_TABLES, TABLE_NAMES, type Column, type OrganisationBackup } from "@/lib/domain/backup";
import { normaliseBackup } from "@/lib/domain/backup-normal-form";
import { parseBackupDocument } from "@/lib/schemas/backup";
import { DashboardFilter } from "@/lib/schemas/dashboards";
import { SurveyInput } from "@/lib/schemas/surveys";
import { seedDemo } from "../../prisma/seed";
import { buildObservations, buildOrgScenario, buildUser } from "../factories";
import { contextFor } from "./support/context";
import { dataCounts, rowFingerprint } from "./support/snapshot";
import { refusal } from "../support/refusal";
import { exportedBackup } from "./support/backup-file";

const NOW = new Date();
const TODAY = NOW.toISOString().slice(0, 10);

/** What the import action does with the file: text → JSON → schema. */
function reread(doc: OrganisationBackup): OrganisationBackup {
  const parsed = parseBackupDocument(JSON.stringify(doc));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.data;
}

/** Every id-shaped token (cuids, also inside composite keys like "team:behaviour") replaced by its label. */
function relabel(value: unknown, labels: ReadonlyMap<string, string>): unknown {
  const swap = (s: string) => s.replace(/[A-Za-z0-9]{20,40}/g, (id) => labels.get(id) ?? id);
  if (typeof value === "string") return swap(value);
  if (Array.isArray(value)) return value.map((v) => relabel(v, labels));
  if (value && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [swap(k), relabel(v, labels)]));
  return value;
}

const snapshot = async () => ({ counts: await dataCounts(), rows: await rowFingerprint() });

/** A fresh user's new, empty organisation, with them as its admin. */
async function emptyOrganisation(name = "Restored") {
  const user = await buildUser(db());
  const orgId = await createOrganizationFor(user.id, name);
  return contextFor(user.id, orgId);
}

interface Side {
  ctx: MemberContext;
  doc: OrganisationBackup;
  labels: Map<string, string>;
}

let source: Side;
let target: Side;
let importResult: Awaited<ReturnType<typeof importOrganisation>>;
let preexistingAudit: string[];
let people: Record<"leader" | "manager" | "member", MemberContext>;
let openSurveyId: string;

beforeAll(async () => {
  await seedDemo(db(), NOW);
  const org = await db().organization.findUniqueOrThrow({
    where: { slug: "northwind" },
    select: { id: true, name: true },
  });
  const user = (email: string) => db().user.findUniqueOrThrow({ where: { email }, select: { id: true } });
  const adminCtx = await contextFor((await user("admin@northwind.example")).id, org.id);
  people = {
    leader: await contextFor((await user("leader@northwind.example")).id, org.id),
    manager: await contextFor((await user("manager@northwind.example")).id, org.id),
    member: await contextFor((await user("member@northwind.example")).id, org.id),
  };
  // Beyond the seed: a metric tracked for one team, a soft-deleted barrier, and an anonymous in-app answer (a responder key).
  const [metric, team] = [
    await db().metric.findFirstOrThrow({ where: { organizationId: org.id }, select: { id: true } }),
    await db().team.findFirstOrThrow({ where: { organizationId: org.id, kind: "TEAM" }, select: { id: true } }),
  ];
  await db().metricTeam.create({ data: { organizationId: org.id, metricId: metric.id, teamId: team.id } });
  await saveCustomerStory(
    people.leader,
    { meetingDate: TODAY, story: "A customer told us the root-cause note saved her a day." },
    NOW,
  );
  const barrier = await db().barrier.findFirstOrThrow({
    where: { organizationId: org.id, deletedAt: null },
    select: { id: true },
  });
  await softDelete(people.manager, "barrier", barrier.id, new Date(NOW.getTime() - 86_400_000));
  const behaviour = await db().behaviour.findFirstOrThrow({
    where: { organizationId: org.id, status: "ACTIVE", parentId: null },
    select: { id: true },
  });
  // Issue 17's settings: a default, a personal choice, a team's webhook and a cue through it.
  await db().notificationDefault.create({ data: { organizationId: org.id, kind: "CUE", channel: "NONE" } });
  await db().notificationPreference.create({
    data: { organizationId: org.id, membershipId: people.member.membershipId, kind: "DIGEST", channel: "NONE" },
  });
  const webhook = await db().webhook.create({
    data: {
      organizationId: org.id,
      name: "Platform channel",
      url: "https://hooks.example.com/platform",
      format: "SLACK",
      secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
      events: ["cue", "recognition.given"],
      teamId: team.id,
      createdById: adminCtx.membershipId,
    },
  });
  await db().behaviourCue.create({
    data: {
      organizationId: org.id,
      behaviourId: behaviour.id,
      message: "Before closing a ticket, ask the customer to confirm the fix.",
      weekdays: [1, 4],
      localTime: "09:00",
      email: true,
      webhookId: webhook.id,
      createdById: adminCtx.membershipId,
    },
  });
  // Issue 18's: a weekly target, a missed entry citing a barrier and another's "something else", the
  // organisation's own video-test term and a spot check.
  await db().team.update({ where: { id: team.id }, data: { observationTarget: 12 } });
  const missed = await db().observation.findMany({
    where: { organizationId: org.id, missed: { gt: 0 } },
    select: { id: true },
    take: 2,
    orderBy: { id: "asc" },
  });
  await db().observation.update({ where: { id: missed[0]!.id }, data: { barrierId: barrier.id } });
  await db().observation.update({ where: { id: missed[1]!.id }, data: { barrierNote: "The customer had hung up" } });
  await db().videoTestTerm.create({
    data: {
      organizationId: org.id,
      term: "customer-obsessed",
      suggestion: "Name what they do",
      createdById: adminCtx.membershipId,
    },
  });
  await db().spotCheck.create({
    data: {
      organizationId: org.id,
      behaviourId: behaviour.id,
      teamId: team.id,
      observerId: people.manager.membershipId,
      requestedById: adminCtx.membershipId,
      startsOn: new Date("2026-03-02"),
      endsOn: new Date("2026-03-08"),
    },
  });
  const questions = [
    {
      text: "Did you post the root cause every time?",
      kind: "SCREENING",
      options: [
        { label: "Yes", classifies: "DOER" },
        { label: "No", classifies: "NON_DOER" },
      ],
    },
    {
      text: "Is it difficult to find the logs?",
      kind: "DETERMINANT",
      determinant: "ACCESS",
      options: [{ label: "Yes" }, { label: "No" }],
    },
  ];
  openSurveyId = await createSurvey(
    people.manager,
    SurveyInput.parse({
      title: "Logs (open)",
      behaviourId: behaviour.id,
      prevalencePct: "",
      anonymous: "on",
      // Its closing day comes back with it (the survey lists compared below carry it).
      closesOn: "2099-06-30",
      questions: JSON.stringify(questions),
    }),
  );
  await respondToSurvey(people.member, openSurveyId, await firstChoices(people.member, openSurveyId));

  // A threshold other than the default: the restore applies it, and audits it as an admin's change would be.
  await db().organization.update({ where: { id: org.id }, data: { minGroupSize: 3 } });
  const doc1 = await exportedBackup(adminCtx, NOW);
  // The same admin restores into a new organisation of the same name (its slug differs).
  const restoredId = await createOrganizationFor(adminCtx.userId, org.name);
  const restoredCtx = await contextFor(adminCtx.userId, restoredId);
  preexistingAudit = (
    await db().auditEvent.findMany({ where: { organizationId: restoredId }, select: { id: true } })
  ).map((a) => a.id);
  importResult = await importOrganisation(restoredCtx, reread(doc1));
  // Everyone else in the file is invited (docs/decisions/014); here each of them accepts.
  for (const link of importResult.invitations) {
    const u = await db().user.findUniqueOrThrow({ where: { email: link.email }, select: { id: true } });
    await acceptInvitation(u.id, link.token);
  }
  const doc2 = await exportedBackup(restoredCtx, new Date(NOW.getTime() + 1000));
  source = { ctx: adminCtx, doc: doc1, labels: normaliseBackup(doc1).labels };
  target = { ctx: restoredCtx, doc: doc2, labels: normaliseBackup(doc2).labels };
}, 600_000);

async function firstChoices(ctx: MemberContext, surveyId: string): Promise<Map<string, string[]>> {
  const s = await getSurvey(ctx, surveyId);
  return new Map(s.questions.map((q) => [q.id, [q.options[0]!.id]]));
}

describe("export → import → export", () => {
  it("gives the same document with every id remapped, apart from the restored organisation's own audit events", () => {
    expect(source.doc.exportedAt).toBe(NOW.toISOString());
    expect(Date.parse(target.doc.exportedAt)).toBeGreaterThan(NOW.getTime());
    // The organisation's name (the admin gave the same) and settings, the zone among them.
    expect(target.doc.organisation).toEqual(source.doc.organisation);
    expect(Object.keys(source.doc.organisation).sort()).toEqual([
      "auditRetentionDays",
      "leadersManageTeams",
      "mailMode",
      "minGroupSize",
      "name",
      "noteRetentionDays",
      "observerRetentionDays",
      "timeZone",
      "weekStartsOn",
    ]);
    // The restored organisation's own events: its creation (before the import) and the import itself.
    const own = target.doc.tables.AuditEvent.filter(
      (a) =>
        preexistingAudit.includes(a.id as string) ||
        a.action === "organization.backup-import" ||
        a.action === "invitation.accept" ||
        (a.details as { via?: string } | null)?.via === "backup-import",
    );
    expect(own.map((a) => a.action).sort()).toEqual([
      ...importResult.invitations.map(() => "invitation.accept"),
      "organization.backup-import",
      "organization.create",
      "privacy.group-size",
    ]);
    expect(own.find((a) => a.action === "privacy.group-size")?.details).toEqual({
      from: 5,
      to: 3,
      via: "backup-import",
    });
    const importEvent = own.find((a) => a.action === "organization.backup-import")!;
    expect(importEvent).toMatchObject({
      actorUserId: source.ctx.userId,
      outcome: "ok",
      details: { rows: importResult.rows, exportedAt: source.doc.exportedAt },
    });
    const restored: OrganisationBackup = {
      ...target.doc,
      tables: { ...target.doc.tables, AuditEvent: target.doc.tables.AuditEvent.filter((a) => !own.includes(a)) },
    };

    // A membership is dated when the person joined this server's copy (accepted), never from the file.
    const undated = (doc: OrganisationBackup): OrganisationBackup => ({
      ...doc,
      exportedAt: "",
      tables: {
        ...doc.tables,
        Membership: doc.tables.Membership.map((m) => ({ ...m, createdAt: null, updatedAt: null })),
      },
    });
    const a = normaliseBackup(undated(source.doc)).doc;
    const b = normaliseBackup(undated(restored)).doc;
    for (const t of TABLE_NAMES) expect(b.tables[t], t).toEqual(a.tables[t]);
    expect(b).toEqual(a);
    // The demo is rich: every table has rows, so nothing above was compared empty.
    expect(TABLE_NAMES.filter((t) => source.doc.tables[t].length === 0)).toEqual([]);
    expect(source.doc.tables.Observation.length).toBeGreaterThan(17_000);
  });

  it("writes members as name and e-mail only, never password hashes, sessions or tokens", () => {
    const text = JSON.stringify(source.doc);
    expect(source.doc.users.every((u) => Object.keys(u).sort().join() === "email,name,ref")).toBe(true);
    expect(source.doc.users.map((u) => u.email)).toContain("admin@northwind.example");
    expect(text).not.toMatch(/passwordHash|sessionVersion|tokenHash|undoTokenHash|\$2[aby]\$/);
    expect(source.doc.tables).not.toHaveProperty("Invitation");
    expect(source.doc.tables).not.toHaveProperty("ObservationDaily");
  });

  it("reproduces every table's row count, the daily summary included, with no id of the source reused", async () => {
    const count = async (orgId: string) => {
      const out: Record<string, number> = {};
      for (const t of [...TABLE_NAMES, "ObservationDaily"]) {
        const model = (db() as unknown as Record<string, { count(a: unknown): Promise<number> }>)[
          t[0]!.toLowerCase() + t.slice(1)
        ]!;
        out[t] = await model.count({ where: { organizationId: orgId } });
      }
      return out;
    };
    const [from, to] = [await count(source.ctx.orgId), await count(target.ctx.orgId)];
    // The source gained its export event; the restored organisation has its creation, import, export, the
    // threshold the file changed, and one acceptance per invited person.
    expect({ ...to, AuditEvent: to.AuditEvent! - 4 - importResult.invitations.length }).toEqual({
      ...from,
      AuditEvent: from.AuditEvent! - 1,
    });
    expect(importResult.rows.Observation).toBe(from.Observation);
    expect(importResult.invitations.map((i) => i.email).sort()).toEqual(
      source.doc.users
        .map((u) => u.email)
        .filter((e) => e !== target.ctx.email)
        .sort(),
    );

    const ids = (doc: OrganisationBackup) =>
      new Set(TABLE_NAMES.flatMap((t) => doc.tables[t].flatMap((r) => (typeof r.id === "string" ? [r.id] : []))));
    const [before, after] = [ids(source.doc), ids(target.doc)];
    expect([...after].filter((id) => before.has(id) && id !== target.ctx.membershipId)).toEqual([]);
    expect(before.has(target.ctx.membershipId)).toBe(false);
  });

  it("keeps the daily summary equal to the source's, day by day", async () => {
    const days = async (side: Side) => {
      const rows = await db().observationDaily.findMany({
        where: { organizationId: side.ctx.orgId },
        select: { behaviourId: true, teamId: true, day: true, performed: true, missed: true },
      });
      return (
        relabel(
          rows.map((r) => ({ ...r, day: r.day.toISOString().slice(0, 10) })),
          side.labels,
        ) as { behaviourId: string; teamId: string; day: string }[]
      )
        .map((r) => JSON.stringify(r))
        .sort();
    };
    const [a, b] = [await days(source), await days(target)];
    expect(a.length).toBeGreaterThan(1000);
    expect(b).toEqual(a);
  });

  it("shows the same figures on every page: dashboards, teams, catalogue, barriers, surveys, metrics, coverage, honesty", async () => {
    const figures = async (side: Side) => {
      const ctx = side.ctx;
      const filter = DashboardFilter.parse({ period: "26w" });
      const teams = await listTeams(ctx, NOW);
      const barriers = await listBarriers(ctx);
      const surveys = await listSurveys(ctx);
      const metrics = await listMetrics(ctx, TODAY);
      const out = {
        overview: await organisationOverview(ctx, filter, NOW),
        overview12: await organisationOverview(ctx, DashboardFilter.parse({}), NOW),
        standup: await standup(ctx, NOW),
        teams,
        teamViews: await Promise.all(teams.map((t) => teamView(ctx, filter, t.id, NOW))),
        catalogue: await listCatalogue(ctx),
        barriers,
        barrierDetails: await Promise.all(barriers.map((b) => getBarrier(ctx, b.id, NOW))),
        surveys,
        tabulations: await Promise.all(surveys.map((s) => surveyTabulation(ctx, s.id))),
        metrics,
        metricDetails: await Promise.all(metrics.map((m) => getMetric(ctx, m.id, TODAY))),
        coverage: await listCoverageGaps(ctx, NOW),
        // Streaks depend on the order of entries logged at the same instant (the seed writes thousands
        // with one createdAt), which no query fixes; bursts do not, and are compared in full.
        honesty: (await listHonestyFlags(ctx, NOW))
          .filter((f) => f.kind === "burst")
          .sort((x, y) => x.observerName.localeCompare(y.observerName)),
        deleted: await listDeleted(ctx, NOW),
      };
      return relabel(out, side.labels) as typeof out;
    };
    const [a, b] = [await figures(source), await figures(target)];
    for (const key of Object.keys(a) as (keyof typeof a)[]) expect(b[key], key).toEqual(a[key]);
    // Values a person would see, so the comparison above is not of empty pages.
    expect(a.overview.trend.some((w) => w.opportunities > 0)).toBe(true);
    expect(a.tabulations.some((t) => t.rows.some((r) => r.stats.pValue !== null && r.stats.pValue < 0.05))).toBe(true);
    expect(a.deleted).toHaveLength(1);
    expect(a.surveys.find((s) => s.title === "Logs (open)")?.closesOn).toBe("2099-06-30");
    expect(a.metrics.some((m) => m.latest !== null)).toBe(true);
  });

  it("keeps an anonymous in-app answer counted once: the member cannot answer the restored survey again", async () => {
    const restored = (await listSurveys(target.ctx)).find((s) => s.title === "Logs (open)")!;
    const member = await contextFor(people.member.userId, target.ctx.orgId);
    expect(await hasResponded(member, restored.id)).toBe(true);
    const before = await snapshot();
    await expect(respondToSurvey(member, restored.id, await firstChoices(member, restored.id))).rejects.toThrow(
      /already answered/,
    );
    expect(await snapshot()).toEqual(before);
    // Someone who did not answer still can.
    const leader = await contextFor(people.leader.userId, target.ctx.orgId);
    expect(await hasResponded(leader, restored.id)).toBe(false);
    expect(openSurveyId).not.toBe(restored.id);
  });

  it("tells the page whether an import is possible", async () => {
    expect(await backupOverview(source.ctx)).toMatchObject({
      empty: false,
      contents: expect.arrayContaining([{ label: "observations", count: source.doc.tables.Observation.length }]),
    });
    const fresh = await emptyOrganisation();
    expect(await backupOverview(fresh)).toEqual({ empty: true, contents: [] });
  });
});

describe("refusals change nothing", () => {
  it("refuses an import into an organisation that is not empty, naming what it holds", async () => {
    const doc = reread(source.doc);
    const before = await snapshot();
    for (const ctx of [source.ctx, target.ctx]) {
      const err = await refusal(importOrganisation(ctx, doc));
      expect(err).toBeInstanceOf(RuleError);
      expect((err as RuleError).message).toMatch(
        /^This organisation is not empty \(\d+ other members, \d+ teams, .*\d+ observations/,
      );
      expect((err as RuleError).field).toBeUndefined();
    }
    expect(await snapshot()).toEqual(before);
    // One other member is enough to refuse.
    const fresh = await emptyOrganisation();
    const other = await buildUser(db());
    await db().membership.create({ data: { organizationId: fresh.orgId, userId: other.id, role: "MEMBER" } });
    await expect(importOrganisation(fresh, doc)).rejects.toThrow(/not empty \(1 other member\)/);
  });

  it("lets only admins export and import", async () => {
    const doc = reread(source.doc);
    const before = await snapshot();
    for (const ctx of Object.values(people)) {
      expect(await refusal(exportOrganisation(ctx))).toBeInstanceOf(ForbiddenError);
      expect(await refusal(importOrganisation(ctx, doc))).toBeInstanceOf(ForbiddenError);
      expect(await refusal(backupOverview(ctx))).toBeInstanceOf(ForbiddenError);
    }
    expect(await snapshot()).toEqual(before);
    // A non-admin of an otherwise empty organisation is refused too.
    const fresh = await emptyOrganisation();
    const leader = await buildUser(db());
    await db().membership.create({ data: { organizationId: fresh.orgId, userId: leader.id, role: "LEADER" } });
    const leaderCtx = await contextFor(leader.id, fresh.orgId);
    expect(await refusal(importOrganisation(leaderCtx, doc))).toBeInstanceOf(ForbiddenError);
  });
});

describe("a small organisation's file", () => {
  async function smallDoc() {
    const s = await buildOrgScenario(db());
    await db().teamMember.create({
      data: { organizationId: s.org.id, teamId: s.team.id, membershipId: s.member.membership.id },
    });
    await buildObservations(
      db(),
      Array.from({ length: 30 }, (_, i) => ({
        organizationId: s.org.id,
        behaviourId: s.behaviour.id,
        teamId: s.team.id,
        observerId: i % 3 ? s.member.membership.id : null,
        anonymous: i % 3 === 0,
        occurredAt: new Date(NOW.getTime() - (i * 86_400_000) / 2),
        performed: i % 4 ? 1 : 0,
        missed: i % 4 ? 0 : 1,
        note: "",
      })),
    );
    const ctx = await contextFor(s.admin.user.id, s.org.id);
    return { s, doc: reread(await exportedBackup(ctx, NOW)) };
  }

  it("refuses a foreign, duplicate or dangling id with a clear message, changing nothing", async () => {
    const { doc } = await smallDoc();
    const into = await emptyOrganisation();
    const northwindBehaviour = source.doc.tables.Behaviour[0]!.id as string;
    const cases: [string, (d: OrganisationBackup) => void, RegExp][] = [
      [
        "another organisation's behaviour",
        (d) => void (d.tables.Observation[0]!.behaviourId = northwindBehaviour),
        new RegExp(`Observation row 1: behaviourId ${northwindBehaviour} names no Behaviour in the file`),
      ],
      [
        "a duplicate id",
        (d) => void (d.tables.Observation[1]!.id = d.tables.Observation[0]!.id!),
        /Observation row 2: the id \w+ is used twice in the file/,
      ],
      [
        "a dangling team",
        (d) => void (d.tables.TeamMember[0]!.teamId = "cnosuchteam00000000000000"),
        /TeamMember row 1: teamId cnosuchteam0+ names no Team in the file/,
      ],
      [
        "a member of another organisation",
        (d) => void (d.tables.Behaviour[0]!.ownerId = source.ctx.membershipId),
        /Behaviour row 1: ownerId \w+ names no Membership in the file/,
      ],
    ];
    const before = await snapshot();
    for (const [name, spoil, message] of cases) {
      const d = structuredClone(doc);
      spoil(d);
      const err = await refusal(importOrganisation(into, reread(d)));
      expect(err, name).toBeInstanceOf(RuleError);
      expect((err as RuleError).message, name).toMatch(/^The file cannot be imported: /);
      expect((err as RuleError).message, name).toMatch(message);
      expect((err as RuleError).field, name).toBe("content");
    }
    expect(await snapshot()).toEqual(before);
    expect(await backupOverview(into)).toEqual({ empty: true, contents: [] });
  });

  it("refuses hostile values before the data layer, with the place they were found", async () => {
    const { doc } = await smallDoc();
    const before = await snapshot();
    const spoilt = (change: (d: Record<string, Record<string, Record<string, unknown>[]>>) => void) => {
      const d = structuredClone(doc) as unknown as Record<string, Record<string, Record<string, unknown>[]>>;
      change(d);
      const r = parseBackupDocument(JSON.stringify(d));
      return r.ok ? "accepted" : r.message;
    };
    expect(spoilt((d) => void (d.tables!.Observation![0]!.performed = "1"))).toMatch(/Observation row 1, performed/);
    expect(spoilt((d) => void (d.tables!.Observation![0]!.note = "x".repeat(1_000_000)))).toMatch(
      /Observation row 1, note: Longer than 10000 characters/,
    );
    expect(spoilt((d) => void (d.tables!.Team![0]!.name = "Team\u0000"))).toMatch(
      /Team row 1, name: Contains control characters/,
    );
    expect(spoilt((d) => void (d.tables!.Membership![0]!.role = "SUPERUSER"))).toMatch(/Membership row 1, role/);
    expect(spoilt((d) => void (d.tables!.Observation![0]!.organizationId = source.ctx.orgId))).toMatch(
      /Observation row 1.*organizationId/,
    );
    expect(
      spoilt((d) => void ((d as unknown as { users: Record<string, unknown>[] }).users[0]!.passwordHash = "x")),
    ).toMatch(/user 1.*passwordHash/);
    expect(await snapshot()).toEqual(before);
  });
});

// Edit-conflict counters: an imported record starts at 1, as a new one does (see BACKUP_TABLES).
const VERSIONED = new Set<string>([
  "Barrier",
  "Metric",
  "Ritual",
  "AgendaItem",
  "ActionItem",
  "Decision",
  "CustomerFeedback",
  "Webhook",
  "BehaviourCue",
]);

describe("the format covers the schema", () => {
  it("lists every column of every organisation-scoped table, with matching types, nullability and enum values", async () => {
    const sql = database().sql;
    const columns = await sql.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: string;
    }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    const scoped = [
      ...new Set(columns.filter((c) => c.column_name === "organizationId").map((c) => c.table_name)),
    ].sort();
    // Left out on purpose (see BACKUP_TABLES): the derived summary, pending invitations, reset links, inboxes,
    // outboxes and logs, a pending time-zone change.
    expect(scoped).toEqual(
      [
        ...TABLE_NAMES,
        "Invitation",
        "Notification",
        "ObservationDaily",
        "PasswordReset",
        "MailMessage",
        "NotificationSend",
        "WebhookDelivery",
        "CalendarChange",
        // Live keys to the organisation's data: never in a backup (docs/decisions/031).
        "ApiToken",
        // A sealed client secret, and domains no second organisation may hold (docs/decisions/034).
        "SsoConnection",
        "SsoDomain",
        "SsoIdentity",
      ].sort(),
    );
    const TYPE: Record<Column["kind"], string[]> = {
      id: ["text"],
      ref: ["text"],
      text: ["text"],
      mention: ["text"],
      key: ["text"],
      enum: ["USER-DEFINED"],
      int: ["integer"],
      float: ["double precision"],
      bool: ["boolean"],
      timestamp: ["timestamp without time zone"],
      date: ["date"],
      json: ["jsonb"],
      texts: ["ARRAY"],
      ints: ["ARRAY"],
    };
    const mismatches: string[] = [];
    for (const t of TABLE_NAMES) {
      const live = columns.filter(
        (c) =>
          c.table_name === t &&
          c.column_name !== "organizationId" &&
          !(t === "Observation" && c.column_name === "undoTokenHash") &&
          !(t === "Webhook" && c.column_name === "secret") &&
          // The identity provider's ids (SCIM, docs/decisions/038): a restored organisation is matched to
          // its provider again by userName and displayName on the provider's next sync.
          !(t === "Membership" && (c.column_name === "externalId" || c.column_name === "scimDeletedAt")) &&
          !(t === "Team" && c.column_name === "externalId") &&
          !(VERSIONED.has(t) && c.column_name === "version"),
      );
      const spec = BACKUP_TABLES[t].columns;
      expect(live.map((c) => c.column_name).sort(), t).toEqual(Object.keys(spec).sort());
      for (const c of live) {
        const col = spec[c.column_name]!;
        // The audit outcome is text in the database; the format holds it to the three values the app writes.
        if (col.kind === "enum" && col.type === "AuditOutcome" && c.data_type === "text") continue;
        if (!TYPE[col.kind].includes(c.data_type))
          mismatches.push(`${t}.${c.column_name}: ${c.data_type} is not ${col.kind}`);
        const nullable = "nullable" in col ? Boolean(col.nullable) : col.kind === "mention" || col.kind === "key";
        // Prisma's scalar lists are nullable columns that Prisma never leaves null.
        const liveNullable = c.is_nullable === "YES" && col.kind !== "texts" && col.kind !== "ints";
        if (nullable !== liveNullable)
          mismatches.push(`${t}.${c.column_name}: nullable ${liveNullable}, the format says ${nullable}`);
        if (col.kind === "enum" && c.udt_name !== col.type)
          mismatches.push(`${t}.${c.column_name}: enum ${c.udt_name}, the format says ${col.type}`);
      }
    }
    expect(mismatches).toEqual([]);
    // (name[] arrays come back unparsed from node-postgres: join the labels in SQL instead.)
    const enums = await sql.query<{ typname: string; labels: string }>(
      `SELECT t.typname::text AS typname, string_agg(e.enumlabel::text, ',' ORDER BY e.enumsortorder) AS labels FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    for (const e of enums)
      if (e.typname in BACKUP_ENUMS)
        expect([...BACKUP_ENUMS[e.typname as keyof typeof BACKUP_ENUMS]], e.typname).toEqual(e.labels.split(","));
    const used = new Set(
      TABLE_NAMES.flatMap((t) =>
        Object.values(BACKUP_TABLES[t].columns).flatMap((c) => (c.kind === "enum" ? [c.type] : [])),
      ),
    );
    for (const name of used)
      if (name !== "AuditOutcome")
        expect(
          enums.map((e) => e.typname),
          name,
        ).toContain(name);
  });
});
