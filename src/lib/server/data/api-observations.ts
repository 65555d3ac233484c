import "server-only";
import { db } from "../db";
import { authorize } from "../authorize";
import { isUniqueViolation } from "../db-errors";
import { FieldRuleErrors } from "../errors";
import { dayOf, middayOf } from "@/lib/domain/dates";
import type { ApiObservationInput, BatchOut } from "@/lib/schemas/api";
import type { MemberContext } from "./accounts";
import { requireScope, type ApiCaller } from "./api-tokens";
import { gatherBarrierEvidence } from "./inbox";

// Observations logged through the API (issue 20, docs/decisions/031). By default they are the
// organisation's, not a person's: source API, no observer (anonymous), for any active team of the
// organisation, so the tool that sends them needs no one's team membership. An entry may name its
// observer (observerEmail): an active member of the organisation who belongs to the team, as the Log
// pad would require of them; it is then theirs. The idempotency key is the Log pad's
// (unique per organisation): the same key with the same entry is reported as a duplicate of the
// first; the same key with a different entry is a conflict, never a silent second meaning.

type Result = BatchOut["results"][number];

/** Checks every entry's behaviour and team first (two queries), then saves them one by one. */
export async function apiLogObservations(
  caller: ApiCaller,
  entries: readonly ApiObservationInput[],
  now = new Date(),
): Promise<Result[]> {
  const ctx = requireScope(caller, "observations:write");
  await authorize(ctx, "observations.log");
  const emails = [...new Set(entries.flatMap((e) => (e.observerEmail ? [e.observerEmail] : [])))];
  const [behaviours, teams, observers] = await Promise.all([
    db().behaviour.findMany({
      where: {
        organizationId: ctx.orgId,
        deletedAt: null,
        id: { in: [...new Set(entries.map((e) => e.behaviourId))] },
      },
      select: { id: true, status: true, parentId: true },
    }),
    db().team.findMany({
      where: { organizationId: ctx.orgId, kind: "TEAM", id: { in: [...new Set(entries.map((e) => e.teamId))] } },
      select: { id: true, archivedAt: true },
    }),
    emails.length
      ? db().membership.findMany({
          where: { organizationId: ctx.orgId, status: "ACTIVE", user: { email: { in: emails } } },
          select: { id: true, user: { select: { email: true } }, teams: { select: { teamId: true } } },
        })
      : [],
  ]);
  const observerByEmail = new Map(
    observers.map((m) => [m.user.email, { id: m.id, teams: new Set(m.teams.map((t) => t.teamId)) }]),
  );
  const behaviourById = new Map(behaviours.map((b) => [b.id, b]));
  const teamById = new Map(teams.map((t) => [t.id, t]));
  const today = dayOf(now, ctx.timeZone);
  const issues: { path: (string | number)[]; message: string }[] = [];
  entries.forEach((e, i) => {
    const b = behaviourById.get(e.behaviourId);
    const t = teamById.get(e.teamId);
    // Another organisation's id reads exactly like one that never existed.
    if (!b) issues.push({ path: [i, "behaviourId"], message: "No behaviour with this id in your organisation." });
    else if (b.status !== "ACTIVE")
      issues.push({ path: [i, "behaviourId"], message: "Only active behaviours can be observed." });
    if (!t) issues.push({ path: [i, "teamId"], message: "No team with this id in your organisation." });
    else if (t.archivedAt)
      issues.push({ path: [i, "teamId"], message: "This team is archived: it takes no new observations." });
    if (e.occurredOn && e.occurredOn > today)
      issues.push({ path: [i, "occurredOn"], message: "The date cannot be in the future." });
    if (e.observerEmail) {
      const observer = observerByEmail.get(e.observerEmail);
      // A disabled member, another organisation's person and an unknown address read alike.
      if (!observer)
        issues.push({ path: [i, "observerEmail"], message: "No active member of your organisation has this e-mail." });
      else if (t && !observer.teams.has(t.id))
        issues.push({ path: [i, "observerEmail"], message: "This member does not belong to the team." });
    }
  });
  if (issues.length) throw new FieldRuleErrors(issues);
  const results: Result[] = [];
  // One by one, in order: each entry stands on its own key, so a retried batch is safe.
  for (const [index, e] of entries.entries()) {
    const b = behaviourById.get(e.behaviourId)!;
    const observerId = e.observerEmail ? observerByEmail.get(e.observerEmail)!.id : null;
    results.push({ index, ...(await save(ctx, e, b.parentId ?? b.id, observerId, now)) });
  }
  return results;
}

async function save(
  ctx: MemberContext,
  e: ApiObservationInput,
  behaviourId: string,
  observerId: string | null,
  now: Date,
): Promise<Omit<Result, "index">> {
  const entry = {
    behaviourId,
    teamId: e.teamId,
    performed: e.performed,
    missed: e.opportunities - e.performed,
    note: e.note,
    observerId,
  };
  try {
    const o = await db().observation.create({
      data: {
        ...entry,
        organizationId: ctx.orgId,
        anonymous: observerId === null,
        idempotencyKey: e.idempotencyKey,
        occurredAt: e.occurredOn ? middayOf(e.occurredOn, ctx.timeZone) : now,
        dayOnly: Boolean(e.occurredOn),
        source: "API",
      },
      select: { id: true },
    });
    if (entry.missed > 0 && entry.note.trim()) await tellBarrierOwners(ctx, entry);
    return { id: o.id, status: "created" };
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    const first = await db().observation.findFirst({
      where: { organizationId: ctx.orgId, idempotencyKey: e.idempotencyKey },
      select: {
        id: true,
        behaviourId: true,
        teamId: true,
        performed: true,
        missed: true,
        note: true,
        observerId: true,
        occurredAt: true,
      },
    });
    if (!first) throw err;
    // A retry that names a day must name the first entry's day; one without a day means "when it was sent",
    // which a late retry cannot repeat, so it matches any day.
    const sameDay = !e.occurredOn || dayOf(first.occurredAt, ctx.timeZone) === e.occurredOn;
    const same = sameDay && (Object.keys(entry) as (keyof typeof entry)[]).every((k) => first[k] === entry[k]);
    return same ? { id: first.id, status: "duplicate" } : { id: null, status: "conflict" };
  }
}

/** As on the Log pad: a note on a miss is evidence for the linked barriers, and never decides whether the entry is kept. */
async function tellBarrierOwners(ctx: MemberContext, o: { behaviourId: string; teamId: string }): Promise<void> {
  try {
    await gatherBarrierEvidence(ctx, o);
  } catch (err) {
    console.error("[inbox] could not record barrier evidence", err);
  }
}
