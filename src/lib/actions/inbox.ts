"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "@/lib/schemas/zod";
import { MarkReadInput, NotificationIdInput } from "@/lib/schemas/inbox";
import { formAction } from "@/lib/server/action";
import { markAllRead, markRead, openNotification } from "@/lib/server/data/inbox";
import { safeNextPath } from "@/lib/domain/redirects";

// Any member has an inbox; the data layer only ever touches the caller's own items.
const refresh = () => revalidatePath("/", "layout");

export const markNotificationAction = formAction({
  schema: MarkReadInput,
  permission: null,
  run: (ctx, { id, read }) => markRead(ctx, id, read === "true"),
  after: refresh,
});

export const markAllNotificationsReadAction = formAction({
  schema: z.object({}),
  permission: null,
  run: async (ctx) => ({ marked: await markAllRead(ctx) }),
  after: refresh,
});

/** Marks it read and goes where it points. */
export const openNotificationAction = formAction({
  schema: NotificationIdInput,
  permission: null,
  run: (ctx, { id }) => openNotification(ctx, id),
  after: (href) => {
    refresh();
    redirect(safeNextPath(href, "/inbox"));
  },
});
