import "server-only";
import { db } from "../db";
import { authorize } from "../authorize";
import { recordAudit } from "../audit";
import { NotFoundError, RuleError } from "../errors";
import { cueMessage, renderHtml, renderText, SEND_KINDS } from "@/lib/domain/reminders";
import { cueLogPath } from "@/lib/domain/cues";
import type { MemberContext } from "../data/accounts";
import { appUrl, queueMail, queueWebhookEventTo } from "./channels";

export interface CueTestResult {
  /** Where the test went: "you@example.com", the webhook's name. */
  sentTo: string[];
}

/**
 * Sends one cue now, as a test: to its webhook, and by e-mail to the caller only (never to the
 * teams: the schedule does that). Outside the send ledger, so it never stops the scheduled send.
 */
export async function sendCueTest(ctx: MemberContext, cueId: string): Promise<CueTestResult> {
  await authorize(ctx, "catalogue.edit");
  const cue = await db().behaviourCue.findFirst({
    where: { id: cueId, organizationId: ctx.orgId },
    select: {
      id: true,
      message: true,
      email: true,
      webhookId: true,
      webhook: { select: { name: true, enabled: true } },
      behaviour: { select: { id: true, title: true, teamId: true } },
    },
  });
  if (!cue) throw new NotFoundError();
  if (!cue.email && !cue.webhookId)
    throw new RuleError("This cue goes nowhere yet: choose e-mail to the teams or a webhook, then send a test.");
  if (!cue.email && cue.webhook && !cue.webhook.enabled)
    throw new RuleError(`The webhook “${cue.webhook.name}” is switched off. Turn it on in Settings → Webhooks.`);
  const logUrl = appUrl(cueLogPath(cue.behaviour.id, cue.behaviour.teamId));
  const msg = cueMessage({ behaviourTitle: cue.behaviour.title, message: cue.message, logUrl });
  const sentTo: string[] = [];
  if (cue.webhookId && cue.webhook?.enabled) {
    const ids = await queueWebhookEventTo(ctx.orgId, [cue.webhookId], {
      type: "cue",
      behaviourId: cue.behaviour.id,
      behaviourTitle: cue.behaviour.title,
      message: cue.message,
      logUrl,
    });
    if (ids.length > 0) sentTo.push(cue.webhook.name);
  }
  if (cue.email) {
    const test = { ...msg, subject: `Test: ${msg.subject}` };
    await queueMail({
      organizationId: ctx.orgId,
      userId: ctx.userId,
      toAddress: ctx.email,
      kind: SEND_KINDS.cue,
      subject: test.subject,
      text: renderText(test),
      html: renderHtml(test),
    });
    sentTo.push(ctx.email);
  }
  await recordAudit({
    organizationId: ctx.orgId,
    actorUserId: ctx.userId,
    action: "cue.test",
    targetType: "BehaviourCue",
    targetId: cue.id,
    outcome: "ok",
    details: { sentTo: sentTo.length },
  });
  return { sentTo };
}
