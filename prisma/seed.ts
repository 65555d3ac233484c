// The demo data: "Northwind Software" with six months of observations, and a small second
// organisation so that isolation is visible. Deterministic (seeded random numbers), relative to
// today so the demo always shows recent activity. Reuses the test factories.
import { randomBytes } from "node:crypto";
import bcrypt from "bcryptjs";
import type { PrismaClient } from "@/generated/prisma/client";
import {
  NORTHWIND,
  SECOND_ORG,
  DEMO_PASSWORD,
  type DemoBehaviour,
  type DemoIntervention,
  type DemoOrganization,
} from "@/lib/demo/demo-orgs";
import { seedDemoSurvey } from "./seed-survey";
import { seedEmbedding } from "./seed-embedding";
import { seedCitations } from "./seed-citations";
import { APEASE_CRITERIA, beforeAfter, beforeAfterWindows, removalProblem } from "@/lib/domain/interventions";
import { buildBehaviour, buildObservations, buildTeam, buildValue, type ObservationFields } from "../tests/factories";
import { seededRandom } from "@/lib/domain/random";
import { addedMail, MAIL_KINDS } from "@/lib/domain/mail";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { addDays, dateOnly, dayOf, daysAfter, daysBefore, fromDateOnly, isWeekend } from "@/lib/domain/dates";

const WEEKS = 26;

const NOTES_PERFORMED = [
  "Customer thanked us on the ticket.",
  "Done before stand-up.",
  "Linked the evidence in the comment.",
  "Took five minutes.",
];
const NOTES_MISSED = [
  "Release day, nobody picked it up.",
  "Owner was on leave.",
  "Forgot until the customer chased.",
  "Queue too long this week.",
];

const startOf = (i: DemoIntervention, now: Date) => dateOnly(addDays(dayOf(now), -i.startDaysAgo));

/**
 * An intervention with its APEASE appraisal. A demo barrier marked REMOVED keeps that status only
 * when the seeded before/after adoption shows the rise the app requires, with the evidence frozen
 * as the app would freeze it; otherwise it stays in progress.
 */
async function seedIntervention(
  prisma: PrismaClient,
  organizationId: string,
  barrierId: string,
  status: string,
  i: DemoIntervention,
  ownerId: string,
  ids: { behaviourIds: string[]; teamIds: string[] },
  now: Date,
) {
  const startDate = startOf(i, now);
  const apease = Object.fromEntries(APEASE_CRITERIA.map((c, n) => [c.key, { score: i.apease[n]!, note: "" }]));
  const created = await prisma.intervention.create({
    data: {
      organizationId,
      barrierId,
      function: i.fn,
      title: i.title,
      description: i.description,
      ownerId,
      startDate,
      apease,
    },
  });
  await prisma.interventionTeam.createMany({
    data: ids.teamIds.map((teamId) => ({ organizationId, interventionId: created.id, teamId })),
  });
  if (status !== "REMOVED") return created.id;
  const windows = beforeAfterWindows(fromDateOnly(startDate), dayOf(now));
  const sum = async (w: { from: string; to: string }) => {
    const r = await prisma.observationDaily.aggregate({
      where: {
        organizationId,
        behaviourId: { in: ids.behaviourIds },
        teamId: { in: ids.teamIds },
        day: { gte: dateOnly(w.from), lte: dateOnly(w.to) },
      },
      _sum: { performed: true, missed: true },
    });
    return { performed: r._sum.performed ?? 0, missed: r._sum.missed ?? 0 };
  };
  const result = windows ? beforeAfter(await sum(windows.before), await sum(windows.after)) : null;
  if (!windows || !result || removalProblem(result) !== null) {
    await prisma.barrier.update({ where: { id: barrierId }, data: { status: "IN_PROGRESS" } });
    return created.id;
  }
  const evidence = {
    interventionId: created.id,
    title: i.title,
    startDate: fromDateOnly(startDate),
    teamNames: i.teams,
    windows: { before: windows.before, after: windows.after },
    result,
    problem: null,
    markedAt: now.toISOString(),
  };
  await prisma.barrier.update({
    where: { id: barrierId },
    data: { removalEvidence: JSON.parse(JSON.stringify(evidence)) },
  });
  return created.id;
}

/**
 * The outbox is not empty in the demo: each demo person's "you were added" message, kept there
 * (nothing is sent from demo data), so an admin sees what Conduct's e-mail looks like.
 */
async function seedMail(prisma: PrismaClient, org: { id: string; name: string }, demo: DemoOrganization) {
  const users = await prisma.user.findMany({
    where: { email: { in: demo.users.map((u) => u.email) } },
    select: { id: true, email: true, name: true },
  });
  const roles = new Map(demo.users.map((u) => [u.email, u.role]));
  await prisma.mailMessage.createMany({
    data: users.map((u) => ({
      organizationId: org.id,
      userId: u.id,
      kind: MAIL_KINDS.added,
      toAddress: u.email,
      status: "OUTBOX" as const,
      ...addedMail({
        name: u.name,
        organisationName: org.name,
        roleLabel: ROLE_LABELS[roles.get(u.email) ?? "MEMBER"],
        url: "http://localhost:3000/",
      }),
    })),
  });
}

export interface SeedSummary {
  organizations: number;
  behaviours: number;
  observations: number;
}

export async function seedDemo(prisma: PrismaClient, now = new Date()): Promise<SeedSummary> {
  const passwordHash = await bcrypt.hash(DEMO_PASSWORD, 11);
  const a = await seedOrganization(prisma, NORTHWIND, passwordHash, now, 20261122);
  const b = await seedOrganization(prisma, SECOND_ORG, passwordHash, now, 7);
  return { organizations: 2, behaviours: a.behaviours + b.behaviours, observations: a.observations + b.observations };
}

async function seedOrganization(
  prisma: PrismaClient,
  demo: DemoOrganization,
  passwordHash: string,
  now: Date,
  seed: number,
) {
  const rand = seededRandom(seed);
  const org = await prisma.organization.create({
    data: { name: demo.name, slug: demo.slug, firstInsightAt: new Date() },
  });

  const members = new Map<string, { membershipId: string; teams: string[] }>();
  for (const u of demo.users) {
    const user = await prisma.user.upsert({
      where: { email: u.email },
      update: {},
      create: { email: u.email, name: u.name, passwordHash },
    });
    const m = await prisma.membership.create({ data: { organizationId: org.id, userId: user.id, role: u.role } });
    members.set(u.key, { membershipId: m.id, teams: u.teams });
  }
  await seedMail(prisma, org, demo);
  const membershipOf = (key: string) => {
    const m = members.get(key);
    if (!m) throw new Error(`Demo data names an unknown user: ${key}`);
    return m.membershipId;
  };

  const teams = new Map<string, string>();
  for (const t of demo.teams.filter((t) => t.kind === "VALUE_STREAM"))
    teams.set(t.name, (await buildTeam(prisma, org.id, { name: t.name, kind: "VALUE_STREAM" })).id);
  for (const t of demo.teams.filter((t) => t.kind === "TEAM")) {
    teams.set(
      t.name,
      (await buildTeam(prisma, org.id, { name: t.name, kind: "TEAM", parentId: t.parent ? teams.get(t.parent) : null }))
        .id,
    );
  }
  const teamMembers = new Map<string, string[]>();
  for (const [, m] of members) {
    for (const teamName of m.teams) {
      const teamId = teams.get(teamName);
      if (!teamId) continue;
      await prisma.teamMember.create({ data: { organizationId: org.id, teamId, membershipId: m.membershipId } });
      teamMembers.set(teamId, [...(teamMembers.get(teamId) ?? []), m.membershipId]);
    }
  }

  const author = membershipOf(demo.users.find((u) => u.role === "LEADER")?.key ?? demo.users[0]!.key);
  const reviewer = membershipOf(demo.users.find((u) => u.role === "ADMIN")!.key);
  const behaviours = new Map<string, { id: string; def: DemoBehaviour }>();
  let position = 0;
  for (const v of demo.values) {
    const value = await buildValue(prisma, org.id, { name: v.name, description: v.description, position: position++ });
    for (const def of v.behaviours) {
      const { baseRate: _b, trend: _t, dailyOpportunities: _d, ownerKey, status, ...fields } = def;
      const b = await buildBehaviour(
        prisma,
        { organizationId: org.id, valueId: value.id, ownerId: membershipOf(ownerKey), authorId: author },
        { ...fields, status },
      );
      if (status === "ACTIVE") {
        await prisma.videoTest.create({
          data: {
            organizationId: org.id,
            behaviourId: b.id,
            behaviourVersion: 1,
            reviewerId: reviewer === author ? membershipOf(ownerKey) : reviewer,
            verdict: "PASS",
            answers: { camera: true, actor: true, moment: true, agreement: true },
            notes: "Clear actor, moment and artefact.",
          },
        });
      }
      behaviours.set(def.title, { id: b.id, def });
    }
  }

  // Six months of observations on working days, per active behaviour and team.
  const start = daysBefore(now, WEEKS * 7);
  const teamIds = demo.teams
    .filter((t) => t.kind === "TEAM")
    .map((t) => ({ id: teams.get(t.name)!, name: t.name, offset: demo.teamAdoptionOffset[t.name] ?? 0 }));
  // Interventions that worked lift adoption in their teams from their start: the demo tells that story.
  const liftOf = (behaviour: string, team: string, date: Date) =>
    demo.barriers.reduce((sum, bar) => {
      const i = bar.intervention;
      const started = i && date.getTime() >= startOf(i, now).getTime();
      return started && bar.behaviourTitles.includes(behaviour) && i.teams.includes(team) ? sum + i.effect : sum;
    }, 0);
  const rows: ObservationFields[] = [];
  for (const { id: behaviourId, def } of behaviours.values()) {
    if (def.status !== "ACTIVE") continue;
    for (const team of teamIds) {
      const observers = teamMembers.get(team.id) ?? [];
      for (let day = 0; day < WEEKS * 7; day++) {
        const date = daysAfter(start, day);
        if (isWeekend(dayOf(date))) continue;
        const expected = def.dailyOpportunities;
        const count = Math.floor(expected) + (rand() < expected - Math.floor(expected) ? 1 : 0);
        const progress = day / (WEEKS * 7);
        const lift = liftOf(def.title, team.name, date);
        const p = Math.min(
          0.98,
          Math.max(0.02, def.baseRate + def.trend * progress + team.offset + lift + (rand() - 0.5) * 0.1),
        );
        for (let i = 0; i < count; i++) {
          const performed = rand() < p;
          const anonymous = rand() < 0.15 || observers.length === 0;
          const occurredAt = new Date(
            date.getTime() + (8 + Math.floor(rand() * 9)) * 3_600_000 + Math.floor(rand() * 3_600_000),
          );
          if (occurredAt > now) continue;
          const notes = performed ? NOTES_PERFORMED : NOTES_MISSED;
          rows.push({
            organizationId: org.id,
            behaviourId,
            teamId: team.id,
            occurredAt,
            anonymous,
            observerId: anonymous ? null : observers[Math.floor(rand() * observers.length)]!,
            performed: performed ? 1 : 0,
            missed: performed ? 0 : 1,
            note: rand() < 0.08 ? notes[Math.floor(rand() * notes.length)]! : "",
          });
        }
      }
    }
  }
  await buildObservations(prisma, rows);

  const barriers = new Map<string, string>();
  const interventions = new Map<string, string>();
  for (const bar of demo.barriers) {
    const { behaviourTitles, teams: barrierTeams, intervention, ...fields } = bar;
    const barrier = await prisma.barrier.create({ data: { ...fields, organizationId: org.id, createdById: author } });
    barriers.set(bar.title, barrier.id);
    await prisma.barrierBehaviour.createMany({
      data: behaviourTitles
        .filter((t) => behaviours.has(t))
        .map((t) => ({ organizationId: org.id, barrierId: barrier.id, behaviourId: behaviours.get(t)!.id })),
    });
    await prisma.barrierTeam.createMany({
      data: barrierTeams
        .filter((t) => teams.has(t))
        .map((t) => ({ organizationId: org.id, barrierId: barrier.id, teamId: teams.get(t)! })),
    });
    if (intervention) {
      const ids = {
        behaviourIds: behaviourTitles.filter((t) => behaviours.has(t)).map((t) => behaviours.get(t)!.id),
        teamIds: intervention.teams.map((t) => teams.get(t)!),
      };
      const interventionId = await seedIntervention(
        prisma,
        org.id,
        barrier.id,
        bar.status,
        intervention,
        membershipOf(intervention.ownerKey),
        ids,
        now,
      );
      interventions.set(intervention.title, interventionId);
    }
  }

  const surveyed = behaviours.get("Root cause on the ticket within 24 h");
  if (surveyed)
    await seedDemoSurvey(
      prisma,
      {
        organizationId: org.id,
        behaviourId: surveyed.id,
        createdById: membershipOf("manager"),
        action: surveyed.def.action,
      },
      rand,
    );

  const metrics = new Map<string, string>();
  for (const met of demo.metrics) {
    const metric = await prisma.metric.create({
      data: {
        organizationId: org.id,
        name: met.name,
        unit: met.unit,
        kind: met.kind,
        timing: met.timing,
        direction: met.direction,
        ownerId: met.ownerKey ? membershipOf(met.ownerKey) : null,
        targetType: met.targetType ?? null,
        targetValue: met.targetValue ?? null,
        targetDate: met.targetType ? daysAfter(now, 90) : null,
        createdAt: daysBefore(now, met.createdMonthsAgo * 30),
      },
    });
    metrics.set(met.name, metric.id);
    await prisma.behaviourMetric.createMany({
      data: met.behaviourTitles
        .filter((t) => behaviours.has(t))
        .map((t) => ({ organizationId: org.id, behaviourId: behaviours.get(t)!.id, metricId: metric.id })),
    });
    await prisma.metricReading.createMany({
      data: Array.from({ length: WEEKS }, (_, w) => {
        const value = met.start + ((met.end - met.start) * w) / (WEEKS - 1) + (rand() - 0.5) * 2 * met.noise;
        return {
          organizationId: org.id,
          metricId: metric.id,
          date: dateOnly(addDays(dayOf(start), (w + 1) * 7)),
          value: Math.round(value * 100) / 100,
        };
      }),
    });
  }

  if (demo.embedding)
    await seedEmbedding(
      prisma,
      {
        organizationId: org.id,
        membershipOf,
        teams,
        behaviours: new Map([...behaviours].map(([title, b]) => [title, b.id])),
        barriers,
        metrics,
        interventions,
      },
      now,
    );
  if (demo.embedding)
    await seedCitations(
      prisma,
      { organizationId: org.id, behaviours: new Map([...behaviours].map(([title, b]) => [title, b.id])), barriers },
      now,
    );

  // A webhook to show the settings page (issue 17): switched off, pointing at a reserved example
  // host, so the demo never sends anything out until an admin points it at their own receiver.
  await prisma.webhook.create({
    data: {
      organizationId: org.id,
      name: "Example receiver",
      url: "https://hooks.example.com/conduct",
      format: "STANDARD",
      secret: `whsec_${randomBytes(32).toString("base64")}`,
      events: ["recognition.given", "cue", "reminder", "digest"],
      enabled: false,
      disabledAt: now,
      disabledReason: "Demo data: point it at your own receiver, then enable it.",
      createdById: reviewer,
    },
  });

  // A weekly target and a spot check to show (issue 18 §3): the first team, its first active
  // behaviour, the admin as second observer for a week from today.
  const checked = teamIds[0];
  const active = [...behaviours.values()].find((b) => b.def.status === "ACTIVE");
  if (checked && active) {
    await prisma.team.update({ where: { id: checked.id }, data: { observationTarget: 10 } });
    await prisma.spotCheck.create({
      data: {
        organizationId: org.id,
        behaviourId: active.id,
        teamId: checked.id,
        observerId: reviewer,
        requestedById: author,
        startsOn: dateOnly(dayOf(now)),
        endsOn: dateOnly(addDays(dayOf(now), 6)),
        note: "Demo data: a second observer's week.",
      },
    });
  }

  return { behaviours: behaviours.size, observations: rows.length };
}
