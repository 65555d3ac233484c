import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { termKey } from "@/lib/domain/video-test";
import type { VideoTestTermDto, VideoTestTermInput } from "@/lib/schemas/video-test-terms";
import type { MemberContext } from "./accounts";

// An organisation's own vague words and jargon (issue 18 §1): the automatic video test flags them
// in the editor and before a behaviour goes to review. Admins keep the list; every member's check
// reads it. Two terms that differ only in case, hyphens or spacing are the same term.

/** An organisation keeps at most this many terms; the settings page says so when it is reached. */
export const MAX_TERMS = 500;

/** The terms as the video test reads them (any member: the editor and the server check use them). */
export async function videoTestTerms(orgId: string): Promise<{ term: string; suggestion: string }[]> {
  return db().videoTestTerm.findMany({
    where: { organizationId: orgId },
    orderBy: { term: "asc" },
    take: MAX_TERMS,
    select: { term: true, suggestion: true },
  });
}

/** The settings page's list: every term (at most MAX_TERMS exist), with who added it. */
export async function listVideoTestTerms(ctx: MemberContext): Promise<VideoTestTermDto[]> {
  await authorize(ctx, "videoTest.terms");
  const rows = await db().videoTestTerm.findMany({
    where: { organizationId: ctx.orgId },
    orderBy: { term: "asc" },
    take: MAX_TERMS,
    select: {
      id: true,
      term: true,
      suggestion: true,
      createdAt: true,
      createdBy: { select: { user: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    term: r.term,
    suggestion: r.suggestion,
    addedBy: r.createdBy?.user.name ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

export async function addVideoTestTerm(ctx: MemberContext, input: VideoTestTermInput): Promise<string> {
  await authorize(ctx, "videoTest.terms");
  const term = input.term.replace(/\s+/g, " ");
  if (!termKey(term)) throw new RuleError("A term needs at least one letter or digit.", "term");
  return db().$transaction(async (tx) => {
    // One admin at a time: the duplicate check and the insert see the same list.
    await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${ctx.orgId} FOR UPDATE`;
    const existing = await tx.videoTestTerm.findMany({ where: { organizationId: ctx.orgId }, select: { term: true } });
    const same = existing.find((e) => termKey(e.term) === termKey(term));
    if (same)
      throw new RuleError(`'${same.term}' is already on the list (case, hyphens and spaces do not count).`, "term");
    if (existing.length >= MAX_TERMS)
      throw new RuleError(`The list is full (${MAX_TERMS} terms). Remove one before adding another.`, "term");
    const row = await tx.videoTestTerm.create({
      data: { organizationId: ctx.orgId, term, suggestion: input.suggestion, createdById: ctx.membershipId },
      select: { id: true },
    });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "video-test-term.add",
        targetType: "VideoTestTerm",
        targetId: row.id,
        outcome: "ok",
        details: { term },
      },
      tx,
    );
    return row.id;
  });
}

export async function removeVideoTestTerm(ctx: MemberContext, termId: string): Promise<void> {
  await authorize(ctx, "videoTest.terms");
  await db().$transaction(async (tx) => {
    const row = await tx.videoTestTerm.findFirst({
      where: { id: termId, organizationId: ctx.orgId },
      select: { term: true },
    });
    if (!row) throw new NotFoundError();
    await tx.videoTestTerm.deleteMany({ where: { id: termId, organizationId: ctx.orgId } });
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "video-test-term.remove",
        targetType: "VideoTestTerm",
        targetId: termId,
        outcome: "ok",
        details: { term: row.term },
      },
      tx,
    );
  });
}
