import { z } from "./zod";

export const NotificationIdInput = z.object({ id: z.string().min(1).max(40) });
export const MarkReadInput = z.object({ id: z.string().min(1).max(40), read: z.enum(["true", "false"]) });

export interface NotificationDto {
  id: string;
  kind: string;
  title: string;
  body: string;
  href: string;
  read: boolean;
  /** ISO instant of the latest event it reports. */
  at: string;
}

export interface InboxPageDto {
  items: NotificationDto[];
  unread: number;
  /** Pass as `before` for the next (older) page; null when this is the last. */
  nextCursor: string | null;
}

/** Behaviours in review that the caller may video-test (not their own), newest first. */
export interface AwaitingReviewDto {
  items: { id: string; title: string; submittedAt: string }[];
  total: number;
}
