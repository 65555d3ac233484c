// Actions (issue 16): follow-ups someone owns, born in a ritual or anywhere else. Pure.
import type { IsoDate } from "./dates";

export const ACTION_STATUSES = ["OPEN", "DONE", "DROPPED"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  OPEN: "Open",
  DONE: "Done",
  DROPPED: "Dropped",
};

/** Overdue: still open after its due day (the due day itself is not overdue yet). */
export function isOverdue(a: { status: string; dueOn: IsoDate | null }, today: IsoDate): boolean {
  return a.status === "OPEN" && a.dueOn !== null && a.dueOn < today;
}

/** Barrier statuses that settle an action about the barrier. */
export const BARRIER_SETTLED = ["REMOVED", "ACCEPTED"] as const;

/**
 * The method's rule for an action about a barrier: removing a barrier is shown by its before/after
 * evidence, not by ticking a box. Such an action can be marked done only once the barrier itself
 * is REMOVED (which needs an intervention whose before/after adoption rose, frozen on the barrier
 * as its removal evidence) or ACCEPTED (the team decided to live with it). Until then the way to
 * close it is to record the evidence on the barrier page; dropping it, with a reason, stays open
 * to anyone who may close it, because a dropped action claims nothing.
 * `barrier` is null when the action names no barrier or the barrier was deleted.
 */
export function doneBlockedByBarrier(barrier: { status: string } | null): string | null {
  if (!barrier) return null;
  if ((BARRIER_SETTLED as readonly string[]).includes(barrier.status)) return null;
  return "This action is about a barrier: it is done when the barrier is marked removed (on its before/after evidence) or accepted. Record the evidence on the barrier's page first.";
}

/** Where a list of actions starts after the row shown last: (status, due day, id), open first, soonest due first. */
export interface ActionCursor {
  status: ActionStatus;
  dueOn: IsoDate | null;
  id: string;
}

export function encodeActionCursor(c: ActionCursor): string {
  return `${c.status}_${c.dueOn ?? "none"}_${c.id}`;
}

export function decodeActionCursor(s: string): ActionCursor | null {
  const m = /^(OPEN|DONE|DROPPED)_(\d{4}-\d{2}-\d{2}|none)_([A-Za-z0-9]{1,40})$/.exec(s);
  if (!m) return null;
  return { status: m[1] as ActionStatus, dueOn: m[2] === "none" ? null : m[2]!, id: m[3]! };
}

/** The statuses listed after `status` (the database sorts an enum in its declared order). */
export function statusesAfter(status: ActionStatus): ActionStatus[] {
  return ACTION_STATUSES.slice(ACTION_STATUSES.indexOf(status) + 1) as ActionStatus[];
}
