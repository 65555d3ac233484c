// What the in-app inbox says, as plain functions of the event: one wording for the bell, the
// inbox page and (later) the e-mail sent from it.

export const NOTIFICATION_KINDS = [
  "review.requested",
  "behaviour.reviewed",
  "invitation.accepted",
  "barrier.evidence",
  "webhook.disabled",
  "spot-check.requested",
  "spot-check.cancelled",
  "calendar.changed",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationText {
  title: string;
  body: string;
  href: string;
}

const quoted = (s: string) => `“${s}”`;

/** To a reviewer: a behaviour passed the automatic video test and needs a human one. */
export function reviewRequested(b: { id: string; title: string }, submittedBy: string): NotificationText {
  return {
    title: `${quoted(b.title)} is waiting for a video test`,
    body: `${submittedBy} submitted it for review. Watch it as an outsider would and record your verdict.`,
    href: `/catalogue/${b.id}#video-test-heading`,
  };
}

/** To the author: someone ran the video test on their behaviour. */
export function behaviourReviewed(
  b: { id: string; title: string },
  review: { verdict: "PASS" | "FAIL"; reviewer: string; notes: string },
): NotificationText {
  const notes = review.notes.trim();
  return review.verdict === "PASS"
    ? {
        title: `${quoted(b.title)} passed its video test`,
        body: `${review.reviewer} passed it; it is active and teams can log it now.${notes ? ` Notes: ${notes}` : ""}`,
        href: `/catalogue/${b.id}`,
      }
    : {
        title: `${quoted(b.title)} did not pass its video test`,
        body: `${review.reviewer}: ${notes || "no notes given."} Rework it in the editor and submit it again.`,
        href: `/catalogue/${b.id}`,
      };
}

/** To whoever invited them: the person joined. */
export function invitationAccepted(person: { name: string; role: string }): NotificationText {
  return {
    title: `${person.name} joined`,
    body: `They accepted your invitation as ${person.role}. Put them in their teams if the invitation did not.`,
    href: "/settings#members-heading",
  };
}

/** To a barrier's owner: people who missed a linked behaviour said why (gathered while unread). */
export function barrierEvidence(barrier: { id: string; title: string }, count: number): NotificationText {
  const notes = count === 1 ? "1 new note" : `${count} new notes`;
  return {
    title: `New evidence on ${quoted(barrier.title)}`,
    body: `${notes} from people who missed a behaviour this barrier is linked to.`,
    href: `/barriers/${barrier.id}`,
  };
}

/** To the second observer of a spot check: what to log, where, and for which days. */
export function spotCheckRequested(check: {
  behaviourId: string;
  behaviourTitle: string;
  teamId: string;
  teamName: string;
  from: string;
  to: string;
  requestedBy: string;
}): NotificationText {
  return {
    title: `Spot check: log ${quoted(check.behaviourTitle)} in ${check.teamName}`,
    body: `${check.requestedBy} asked you to be a second observer from ${check.from} to ${check.to}: log each time you see the moment for this behaviour in ${check.teamName}, performed or missed, on the Log pad. Your entries carry your name so they can be set beside the team's own.`,
    href: `/log?team=${encodeURIComponent(check.teamId)}&behaviour=${encodeURIComponent(check.behaviourId)}`,
  };
}

/** To the second observer when a spot check they were asked to do is called off. */
export function spotCheckCancelled(check: {
  spotCheckId: string;
  behaviourTitle: string;
  teamName: string;
  cancelledBy: string;
}): NotificationText {
  return {
    title: `Spot check called off: ${quoted(check.behaviourTitle)} in ${check.teamName}`,
    body: `${check.cancelledBy} cancelled the spot check you were asked to do. There is nothing more to log for it; the entries you made stay as they are.`,
    href: `/spot-checks/${encodeURIComponent(check.spotCheckId)}`,
  };
}

/**
 * To the admin who asked for a large organisation's time-zone change (docs/decisions/027): the job applied it.
 * `moved` is how many day-only entries went to midday of their own day in the new zone.
 */
export function calendarChanged(change: { timeZone: string; weekStartsOn: string; moved: number }): NotificationText {
  const n = new Intl.NumberFormat("en-GB").format(change.moved);
  const entries = change.moved === 1 ? "1 entry logged for a day" : `${n} entries logged for a day`;
  return {
    title: `The time zone is now ${change.timeZone}`,
    body: `Days, weeks (starting on ${change.weekStartsOn}) and the daily figures now follow ${change.timeZone}. ${entries} kept their date.`,
    href: "/settings#calendar-heading",
  };
}

/** The header's count: exact up to 99, then "99+" (the inbox page shows the real number). */
export function badgeCount(unread: number): string | null {
  if (unread <= 0) return null;
  return unread > 99 ? "99+" : String(unread);
}
