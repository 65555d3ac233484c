// Records the actions and decisions tests link to, written directly (their own features are tested
// elsewhere): a ritual with one occurrence, a barrier, an intervention and a metric.
import { db } from "@/lib/server/db";

let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

export async function buildOccurrence(
  organizationId: string,
  people: { facilitatorId: string; participantIds?: string[]; teamId?: string | null },
  date = "2026-11-02",
) {
  const ritual = await db().ritual.create({
    data: {
      organizationId,
      kind: "TEAM_CHECK_IN",
      title: `Weekly check-in ${uniq()}`,
      teamId: people.teamId ?? null,
      cadence: "WEEKLY",
      weekday: 1,
      startsOn: new Date("2026-01-05T00:00:00Z"),
      facilitatorId: people.facilitatorId,
      createdById: people.facilitatorId,
      participants: {
        create: (people.participantIds ?? []).map((membershipId) => ({ organizationId, membershipId })),
      },
    },
    select: { id: true, title: true },
  });
  const occurrence = await db().ritualOccurrence.create({
    data: {
      organizationId,
      ritualId: ritual.id,
      date: new Date(`${date}T00:00:00Z`),
      periodStart: new Date("2026-10-26T00:00:00Z"),
    },
    select: { id: true },
  });
  return { ritual, occurrenceId: occurrence.id };
}

export async function buildBarrier(
  organizationId: string,
  createdById: string,
  status: "IDENTIFIED" | "IN_PROGRESS" | "REMOVED" | "ACCEPTED" = "IDENTIFIED",
) {
  return db().barrier.create({
    data: {
      organizationId,
      title: `No staging environment ${uniq()}`,
      description: "Engineers cannot reproduce a defect before they answer.",
      comB: "PHYSICAL_OPPORTUNITY",
      determinant: "ACCESS",
      status,
      createdById,
    },
    select: { id: true, title: true },
  });
}

export async function buildIntervention(organizationId: string, barrierId: string, ownerId: string) {
  return db().intervention.create({
    data: {
      organizationId,
      barrierId,
      function: "ENABLEMENT",
      title: `Shared staging ${uniq()}`,
      ownerId,
      startDate: new Date("2026-09-01T00:00:00Z"),
      apease: {},
    },
    select: { id: true },
  });
}

export async function buildMetric(organizationId: string) {
  return db().metric.create({
    data: {
      organizationId,
      name: `First-contact resolution ${uniq()}`,
      unit: "%",
      kind: "CUSTOMER_OUTCOME",
      timing: "LAGGING",
      direction: "UP",
    },
    select: { id: true },
  });
}
