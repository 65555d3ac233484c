// Deleting a behaviour, barrier or metric only hides it: an admin can restore it for 30 days.
import { daysAfter } from "./dates";

export const RESTORE_DAYS = 30;
export const TRASH_TYPES = ["behaviour", "barrier", "metric"] as const;
export type TrashType = (typeof TRASH_TYPES)[number];

export function restoreDeadline(deletedAt: Date): Date {
  return daysAfter(deletedAt, RESTORE_DAYS);
}

export function canRestore(deletedAt: Date, now: Date): boolean {
  return now.getTime() < restoreDeadline(deletedAt).getTime();
}
