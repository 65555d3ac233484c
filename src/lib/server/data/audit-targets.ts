import "server-only";
import { db } from "../db";
import { fromDateOnly } from "@/lib/domain/dates";
import { targetKey, targetKind, type TargetKind } from "@/lib/domain/audit-targets";
import type { MemberContext } from "./accounts";
import { jobNames } from "./jobs";

// Names for the targets of a page of audit events: one query per kind of target on the page (never
// one per event), run together, each scoped by the caller's organisation, so an id of another
// organisation is never named (it reads "(deleted)", like a target that no longer exists).

const CHUNK = 10_000;
const chunks = <T>(xs: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / size) }, (_, i) => xs.slice(i * size, (i + 1) * size));

type Named = { id: string; name: string };
type Lookup = (ctx: MemberContext, ids: string[]) => Promise<Named[]>;

const LOOKUPS: Record<TargetKind, Lookup> = {
  // Soft-deleted records keep their rows, so they are still named.
  behaviour: async (ctx, ids) =>
    (
      await db().behaviour.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, title: true },
      })
    ).map((r) => ({ id: r.id, name: r.title })),
  barrier: async (ctx, ids) =>
    (
      await db().barrier.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, title: true },
      })
    ).map((r) => ({ id: r.id, name: r.title })),
  survey: async (ctx, ids) =>
    (
      await db().survey.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, title: true },
      })
    ).map((r) => ({ id: r.id, name: r.title })),
  intervention: async (ctx, ids) =>
    (
      await db().intervention.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, title: true },
      })
    ).map((r) => ({ id: r.id, name: r.title })),
  metric: (ctx, ids) =>
    db().metric.findMany({ where: { organizationId: ctx.orgId, id: { in: ids } }, select: { id: true, name: true } }),
  team: (ctx, ids) =>
    db().team.findMany({ where: { organizationId: ctx.orgId, id: { in: ids } }, select: { id: true, name: true } }),
  value: (ctx, ids) =>
    db().value.findMany({ where: { organizationId: ctx.orgId, id: { in: ids } }, select: { id: true, name: true } }),
  customerstory: async (ctx, ids) =>
    // A story told at a standup is a feedback item marked as a story since issue 16 (same id).
    (
      await db().customerFeedback.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, receivedOn: true },
      })
    ).map((r) => ({ id: r.id, name: `Story of ${fromDateOnly(r.receivedOn)}` })),
  // Named by the start of the quote: the customer's words are what people recognise.
  feedback: async (ctx, ids) =>
    (
      await db().customerFeedback.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, quote: true },
      })
    ).map((r) => ({ id: r.id, name: r.quote.length > 60 ? `“${r.quote.slice(0, 60)}…”` : `“${r.quote}”` })),
  observation: async (ctx, ids) =>
    (
      await db().observation.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, behaviour: { select: { title: true } }, team: { select: { name: true } } },
      })
    ).map((r) => ({ id: r.id, name: `${r.behaviour.title} · ${r.team.name}` })),
  recognition: async (ctx, ids) =>
    (
      await db().recognition.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: {
          id: true,
          behaviour: { select: { title: true } },
          recipient: { select: { user: { select: { name: true } } } },
          team: { select: { name: true } },
        },
      })
    ).map((r) => ({ id: r.id, name: `${r.behaviour.title} → ${r.recipient?.user.name ?? r.team?.name ?? ""}` })),
  membership: async (ctx, ids) =>
    (
      await db().membership.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, user: { select: { name: true } } },
      })
    ).map((r) => ({ id: r.id, name: r.user.name })),
  // A person is named only while they have (or had) a membership here: a user id alone could be anyone's.
  user: async (ctx, ids) =>
    (
      await db().membership.findMany({
        where: { organizationId: ctx.orgId, userId: { in: ids } },
        select: { userId: true, user: { select: { name: true } } },
      })
    ).map((r) => ({ id: r.userId, name: r.user.name })),
  // Open links carry no e-mail: they are named by the role they grant.
  invitation: async (ctx, ids) =>
    (
      await db().invitation.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, email: true, name: true, role: true },
      })
    ).map((r) => ({ id: r.id, name: r.email ?? r.name ?? `Open link (${r.role.toLowerCase()})` })),
  organization: (ctx, ids) => Promise.resolve(ids.includes(ctx.orgId) ? [{ id: ctx.orgId, name: ctx.orgName }] : []),
  actionitem: async (ctx, ids) =>
    (
      await db().actionItem.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, title: true },
      })
    ).map((r) => ({ id: r.id, name: r.title })),
  decision: async (ctx, ids) =>
    (
      await db().decision.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, title: true },
      })
    ).map((r) => ({ id: r.id, name: r.title })),
  // An archived question keeps its row (and its wording), so it is still named.
  anchorquestion: async (ctx, ids) =>
    (
      await db().anchorQuestion.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, text: true },
      })
    ).map((r) => ({ id: r.id, name: r.text })),
  ritual: async (ctx, ids) =>
    (
      await db().ritual.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, title: true },
      })
    ).map((r) => ({ id: r.id, name: r.title })),
  ritualoccurrence: async (ctx, ids) =>
    (
      await db().ritualOccurrence.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, date: true, ritual: { select: { title: true } } },
      })
    ).map((r) => ({ id: r.id, name: `${r.ritual.title} · ${fromDateOnly(r.date)}` })),
  webhook: (ctx, ids) =>
    db().webhook.findMany({ where: { organizationId: ctx.orgId, id: { in: ids } }, select: { id: true, name: true } }),
  webhookdelivery: async (ctx, ids) =>
    (
      await db().webhookDelivery.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, event: true, webhook: { select: { name: true } } },
      })
    ).map((r) => ({ id: r.id, name: `${r.webhook.name} · ${r.event}` })),
  // A cue is named by its behaviour and the start of its prompt.
  behaviourcue: async (ctx, ids) =>
    (
      await db().behaviourCue.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, message: true, behaviour: { select: { title: true } } },
      })
    ).map((r) => ({
      id: r.id,
      name: `${r.behaviour.title}: “${r.message.length > 40 ? `${r.message.slice(0, r.message.lastIndexOf(" ", 40))}…` : r.message}”`,
    })),
  spotcheck: async (ctx, ids) =>
    (
      await db().spotCheck.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, behaviour: { select: { title: true } }, team: { select: { name: true } } },
      })
    ).map((r) => ({ id: r.id, name: `${r.behaviour.title} · ${r.team.name}` })),
  // A removed term's row is gone; its event recorded the term (recordedName).
  videotestterm: async (ctx, ids) =>
    (
      await db().videoTestTerm.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, term: true },
      })
    ).map((r) => ({ id: r.id, name: r.term })),
  job: jobNames,
  // Named by its name and visible prefix (never the secret, which is not kept).
  apitoken: async (ctx, ids) =>
    (
      await db().apiToken.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, name: true, prefix: true },
      })
    ).map((r) => ({ id: r.id, name: `${r.name} (${r.prefix}…)` })),
  ssoconnection: async (ctx, ids) =>
    (
      await db().ssoConnection.findMany({
        where: { organizationId: ctx.orgId, id: { in: ids } },
        select: { id: true, issuer: true },
      })
    ).map((r) => ({ id: r.id, name: r.issuer })),
};

/** The names of these events' targets, keyed by targetKey(kind, id); targets not found are absent. */
export async function auditTargetNames(
  ctx: MemberContext,
  rows: readonly { targetType: string | null; targetId: string | null }[],
): Promise<Map<string, string>> {
  const byKind = new Map<TargetKind, Set<string>>();
  for (const r of rows) {
    const kind = targetKind(r.targetType);
    if (!kind || !r.targetId) continue;
    byKind.set(kind, (byKind.get(kind) ?? new Set()).add(r.targetId));
  }
  // Chunked so that an export of 100,000 events stays under PostgreSQL's limit of bind parameters.
  const jobs = [...byKind].flatMap(([kind, ids]) => chunks([...ids], CHUNK).map((part) => [kind, part] as const));
  const found = await Promise.all(
    jobs.map(async ([kind, ids]) => (await LOOKUPS[kind](ctx, ids)).map((n) => [kind, n] as const)),
  );
  return new Map(found.flat().map(([kind, n]) => [targetKey(kind, n.id), n.name]));
}
