import "server-only";
import {
  digestChatLines,
  digestSections,
  digestSubject,
  managerSections,
  renderDigestHtml,
  renderDigestText,
  type DigestInput,
} from "@/lib/domain/digest";
import { SEND_KINDS } from "@/lib/domain/reminders";
import { weekKey, type DueSlot } from "@/lib/domain/schedules";
import type { Role } from "@/lib/domain/roles";
import { appUrl, recipientsFor } from "./channels";
import { digestFigures } from "./digest-data";
import { isDone, markDone, sendOnce, type Send, type Sent } from "./ledger";
import type { NotifyOrg } from "./org";

const READS_ORGANISATION: readonly Role[] = ["ADMIN", "LEADER", "MANAGER"];

export interface BuiltDigest {
  membershipId: string;
  input: DigestInput;
  subject: string;
  text: string;
  html: string;
}

/** Every member's digest for the week starting on `day`, leaving out those with nothing to read. */
export async function buildDigests(org: NotifyOrg, day: string, now: Date) {
  const figures = await digestFigures(org, day, now);
  const digests: BuiltDigest[] = [];
  for (const r of figures.recipients) {
    const input: DigestInput = {
      organisationName: org.name,
      recipientName: r.name,
      week: figures.week,
      member: r.member,
      manager: READS_ORGANISATION.includes(r.role) ? figures.manager : null,
    };
    const sections = digestSections(input);
    if (sections.length === 0) continue;
    digests.push({
      membershipId: r.membershipId,
      input,
      subject: digestSubject(input),
      text: renderDigestText(input, sections, appUrl),
      html: renderDigestHtml(input, sections, appUrl),
    });
  }
  return { digests, figures, organisationLines: digestChatLines(managerSections(figures.manager)) };
}

export async function runDigest(org: NotifyOrg, slot: DueSlot, now: Date): Promise<Sent> {
  const period = weekKey(slot.day, org.weekStartsOn);
  const claim = { organizationId: org.id, kind: SEND_KINDS.digest, subjectId: "", period };
  if (await isDone(claim)) return { mails: 0, deliveries: 0 };
  const { digests, organisationLines } = await buildDigests(org, slot.day, now);
  const people = new Map(
    (
      await recipientsFor(
        org.id,
        "DIGEST",
        digests.map((d) => d.membershipId),
      )
    ).map((p) => [p.membershipId, p]),
  );
  const sends: Send[] = [];
  for (const d of digests) {
    const p = people.get(d.membershipId);
    if (!p) continue;
    sends.push({
      recipient: p.membershipId,
      mail: {
        organizationId: org.id,
        userId: p.userId,
        toAddress: p.email,
        kind: SEND_KINDS.digest,
        subject: d.subject,
        text: d.text,
        html: d.html,
        unsubscribe: { membershipId: p.membershipId, kind: "DIGEST" },
      },
    });
  }
  // The organisation's figures only (nothing personal) go to the chat channels subscribed to digests.
  if (organisationLines.length > 0)
    sends.push({
      recipient: "webhooks",
      webhook: {
        event: {
          type: "digest",
          organisationName: org.name,
          period,
          lines: organisationLines,
          url: appUrl("/dashboards"),
        },
      },
    });
  const sent = await sendOnce(claim, sends, now);
  await markDone(claim, now);
  return sent;
}
