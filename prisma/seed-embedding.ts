// Northwind's embedding: a schedule of rituals with past meetings (notes, decisions, actions carried
// forward), the customer's own words, and recognitions of specific behaviours (issue 16). The
// showcase only: an organisation made in the app builds the same through its pages.
import type { PrismaClient } from "@/generated/prisma/client";
import { addDays, dateOnly, dayOf, middayOf } from "@/lib/domain/dates";
import { RITUAL_KIND_SPECS, agendaPeriodStart, meetingsBetween, type Schedule } from "@/lib/domain/rituals";
import { DEFAULT_ANCHOR_QUESTIONS } from "@/lib/domain/decisions";
import { DEMO_FEEDBACK } from "@/lib/demo/demo-feedback";
import { DEMO_RECOGNITIONS, DEMO_RITUALS } from "@/lib/demo/demo-rituals";

export interface EmbeddingIds {
  organizationId: string;
  membershipOf: (key: string) => string;
  teams: ReadonlyMap<string, string>;
  behaviours: ReadonlyMap<string, string>;
  barriers: ReadonlyMap<string, string>;
  metrics: ReadonlyMap<string, string>;
  interventions: ReadonlyMap<string, string>;
}

const at = (day: string, hour = 10) => new Date(middayOf(day).getTime() + (hour - 12) * 3_600_000);

export async function seedEmbedding(prisma: PrismaClient, ids: EmbeddingIds, now: Date): Promise<void> {
  const organizationId = ids.organizationId;
  const today = dayOf(now);
  const pick = <T>(map: ReadonlyMap<string, T>, key: string | undefined) => (key ? (map.get(key) ?? null) : null);

  // The two default questions, plus one of Northwind's own (an admin added it).
  await prisma.anchorQuestion.createMany({
    data: [...DEFAULT_ANCHOR_QUESTIONS, "Which customer will notice this first, and how will we hear about it?"].map(
      (text, position) => ({ organizationId, text, position, createdAt: at(addDays(today, -120)) }),
    ),
  });
  const anchors = await prisma.anchorQuestion.findMany({
    where: { organizationId },
    orderBy: { position: "asc" },
    select: { text: true },
  });

  const feedbackIds: string[] = [];
  for (const [i, f] of DEMO_FEEDBACK.entries()) {
    const receivedOn = addDays(today, -f.daysAgo);
    const row = await prisma.customerFeedback.create({
      data: {
        organizationId,
        quote: f.quote,
        source: f.source,
        receivedOn: dateOnly(receivedOn),
        customer: f.customer,
        sentiment: f.sentiment,
        isStory: f.story === true,
        createdById: ids.membershipOf(f.by),
        createdAt: at(receivedOn, 9 + (i % 8)),
      },
      select: { id: true },
    });
    feedbackIds.push(row.id);
    const link = { organizationId, feedbackId: row.id };
    const behaviourId = pick(ids.behaviours, f.behaviour);
    if (behaviourId) await prisma.feedbackBehaviour.create({ data: { ...link, behaviourId } });
    const barrierId = pick(ids.barriers, f.barrier);
    if (barrierId) await prisma.feedbackBarrier.create({ data: { ...link, barrierId } });
    const metricId = pick(ids.metrics, f.metric);
    if (metricId) await prisma.feedbackMetric.create({ data: { ...link, metricId } });
    const teamId = pick(ids.teams, f.team);
    if (teamId) await prisma.feedbackTeam.create({ data: { ...link, teamId } });
  }
  const stories = DEMO_FEEDBACK.flatMap((f, i) => (f.story ? [feedbackIds[i]!] : []));

  for (const r of DEMO_RITUALS) {
    const schedule: Schedule = {
      cadence: r.cadence,
      weekday: r.weekday,
      weekOfMonth: r.weekOfMonth ?? null,
      startsOn: addDays(today, -r.startedDaysAgo),
    };
    const ritual = await prisma.ritual.create({
      data: {
        organizationId,
        kind: r.kind,
        title: r.title,
        teamId: pick(ids.teams, r.team),
        cadence: r.cadence,
        weekday: r.weekday,
        weekOfMonth: r.weekOfMonth ?? null,
        startTime: r.startTime,
        startsOn: dateOnly(schedule.startsOn),
        facilitatorId: ids.membershipOf(r.facilitator),
        createdById: ids.membershipOf(r.facilitator),
        createdAt: at(schedule.startsOn, 8),
      },
      select: { id: true },
    });
    await prisma.ritualParticipant.createMany({
      data: [r.facilitator, ...r.participants].map((key) => ({
        organizationId,
        ritualId: ritual.id,
        membershipId: ids.membershipOf(key),
      })),
      skipDuplicates: true,
    });
    const held = meetingsBetween(schedule, schedule.startsOn, addDays(today, -1)).slice(-r.meetings.length);
    let previous: string | null = null;
    for (const [n, date] of held.entries()) {
      const meeting = r.meetings[r.meetings.length - held.length + n]!;
      const occurrence = await prisma.ritualOccurrence.create({
        data: {
          organizationId,
          ritualId: ritual.id,
          date: dateOnly(date),
          periodStart: dateOnly(agendaPeriodStart(r.cadence, date, previous)),
          heldAt: at(date, 12),
          createdAt: at(addDays(date, -2), 9),
        },
        select: { id: true },
      });
      previous = date;
      await prisma.agendaItem.createMany({
        data: RITUAL_KIND_SPECS[r.kind].agenda.map((item, position) => ({
          organizationId,
          occurrenceId: occurrence.id,
          section: item.section,
          position,
          title: item.title,
          prompt: item.prompt ?? "",
          notes: meeting.notes[item.section === "PROMPT" ? `PROMPT:${item.title}` : item.section] ?? "",
          storyId: item.section === "CUSTOMER_STORY" && stories.length > 0 ? stories[n % stories.length]! : null,
          createdAt: at(date, 9),
        })),
      });
      for (const d of meeting.decisions ?? []) {
        const decision = await prisma.decision.create({
          data: {
            organizationId,
            title: d.title,
            detail: d.detail,
            status: "DECIDED",
            decidedById: ids.membershipOf(r.facilitator),
            decidedAt: at(date, 11),
            occurrenceId: occurrence.id,
            teamId: pick(ids.teams, r.team),
            behaviourId: pick(ids.behaviours, d.behaviour),
            createdById: ids.membershipOf(r.facilitator),
            createdAt: at(date, 11),
          },
          select: { id: true },
        });
        await prisma.decisionAnswer.createMany({
          data: anchors.map((q, position) => ({
            organizationId,
            decisionId: decision.id,
            position,
            question: q.text,
            answer: d.answers[position] ?? d.answers.at(-1)!,
          })),
        });
      }
      for (const a of meeting.actions ?? []) {
        const closed = a.status === "OPEN" ? null : at(addDays(date, a.closedAfterDays ?? 5), 16);
        await prisma.actionItem.create({
          data: {
            organizationId,
            title: a.title,
            ownerId: ids.membershipOf(a.owner),
            dueOn: dateOnly(addDays(date, a.dueInDays)),
            status: a.status,
            dropReason: a.dropReason ?? "",
            closedAt: closed,
            occurrenceId: occurrence.id,
            teamId: pick(ids.teams, r.team),
            behaviourId: pick(ids.behaviours, a.behaviour),
            barrierId: pick(ids.barriers, a.barrier),
            interventionId: pick(ids.interventions, a.intervention),
            metricId: pick(ids.metrics, a.metric),
            createdById: ids.membershipOf(r.facilitator),
            createdAt: at(date, 11),
          },
        });
      }
    }
  }

  for (const [i, r] of DEMO_RECOGNITIONS.entries()) {
    const behaviourId = ids.behaviours.get(r.behaviour);
    if (!behaviourId) continue;
    const recipientMembershipId = r.to ? ids.membershipOf(r.to) : null;
    // A recognition of a person may point at the entry that recorded the act.
    const observation = recipientMembershipId
      ? await prisma.observation.findFirst({
          where: { organizationId, behaviourId, observerId: recipientMembershipId, performed: { gt: 0 } },
          orderBy: { occurredAt: "desc" },
          select: { id: true },
        })
      : null;
    await prisma.recognition.create({
      data: {
        organizationId,
        giverId: ids.membershipOf(r.from),
        recipientMembershipId,
        recipientTeamId: pick(ids.teams, r.team),
        behaviourId,
        act: r.act,
        customerEffect: r.effect,
        observationId: i % 2 === 0 ? (observation?.id ?? null) : null,
        createdAt: at(addDays(today, -r.daysAgo), 14),
      },
    });
  }
}
