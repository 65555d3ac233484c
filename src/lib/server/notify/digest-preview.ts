import "server-only";
import { db } from "../db";
import { recordAudit } from "../audit";
import { RuleError } from "../errors";
import { dayOf } from "@/lib/domain/dates";
import { localWeekStart } from "@/lib/domain/schedules";
import { SEND_KINDS } from "@/lib/domain/reminders";
import type { MemberContext } from "../data/accounts";
import { buildDigests } from "./digest-run";
import { sendOnce } from "./ledger";

export interface DigestPreviewResult {
  sentTo: string;
  /** The organisation keeps e-mail in the outbox (or the server has no SMTP): the message waits there. */
  keptInOutbox: boolean;
}

/**
 * "Send me my digest now": this week's digest, as the tick would send it on the week's first
 * morning, to the caller alone, whatever their digest setting (they asked). At most one a minute
 * per person: the send ledger's row for the minute makes a double click (or two tabs) send once.
 */
export async function sendMyDigestNow(ctx: MemberContext, now = new Date()): Promise<DigestPreviewResult> {
  // Any member, for themselves: the figures are those their own digest shows them.
  const day = localWeekStart(dayOf(now, ctx.timeZone), ctx.weekStartsOn);
  const org = {
    id: ctx.orgId,
    name: ctx.orgName,
    timeZone: ctx.timeZone,
    weekStartsOn: ctx.weekStartsOn,
    leadersManageTeams: ctx.policy.leadersManageTeams,
  };
  const { digests } = await buildDigests(org, day, now);
  const mine = digests.find((d) => d.membershipId === ctx.membershipId);
  if (!mine)
    throw new RuleError(
      "Your digest would be empty this week: nothing was logged for your teams last week and nothing is waiting for you. Conduct never sends an empty digest.",
    );
  const minute = now.toISOString().slice(0, 16);
  const sent = await sendOnce(
    { organizationId: ctx.orgId, kind: `${SEND_KINDS.digest}-preview`, subjectId: "", period: minute },
    [
      {
        recipient: ctx.membershipId,
        mail: {
          organizationId: ctx.orgId,
          userId: ctx.userId,
          toAddress: ctx.email,
          kind: SEND_KINDS.digest,
          subject: mine.subject,
          text: mine.text,
          html: mine.html,
          unsubscribe: { membershipId: ctx.membershipId, kind: "DIGEST" },
        },
      },
    ],
    now,
  );
  if (sent.mails === 0) throw new RuleError("Your digest is on its way already: you asked for it a moment ago.");
  const message = await db().mailMessage.findFirst({
    where: { organizationId: ctx.orgId, userId: ctx.userId, kind: SEND_KINDS.digest },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { status: true },
  });
  await recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: "digest.preview",
    targetType: "Membership",
    targetId: ctx.membershipId,
    outcome: "ok",
  });
  return { sentTo: ctx.email, keptInOutbox: message?.status === "OUTBOX" };
}
