"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { FormError } from "@/components/ui/field";
import { markNotificationAction, openNotificationAction } from "@/lib/actions/inbox";
import type { NotificationDto } from "@/lib/schemas/inbox";
import { formatInstant } from "@/lib/domain/date-instants";
import { useDisplayZone } from "@/components/ui/calendar-context";

/** The time in the reader's display zone (their own, else the organisation's), with the zone named. */
function LocalTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} className="text-xs text-slate-600 dark:text-slate-400">
      {formatInstant(iso, useDisplayZone())}
    </time>
  );
}

export function InboxItem({ item }: { item: NotificationDto }) {
  const [, onOpen, opening, openFeedback] = useFormAction(openNotificationAction);
  const [, onMark, marking, markFeedback] = useFormAction(markNotificationAction);
  return (
    <li
      className={`flex flex-wrap items-start gap-3 py-3 ${item.read ? "" : "border-l-4 border-brand-600 pl-3"}`}
      aria-label={`${item.read ? "" : "Unread: "}${item.title}`}
    >
      <div className="min-w-0 flex-1 space-y-1">
        <form onSubmit={onOpen}>
          <input type="hidden" name="id" value={item.id} />
          <button
            type="submit"
            disabled={opening}
            className={`text-left text-brand-700 underline dark:text-brand-300 ${item.read ? "" : "font-semibold"}`}
          >
            {item.title}
          </button>
        </form>
        <p className="text-sm">{item.body}</p>
        <LocalTime iso={item.at} />
        <FormError {...(openFeedback.message ? openFeedback : markFeedback)} />
      </div>
      <form onSubmit={onMark}>
        <input type="hidden" name="id" value={item.id} />
        <input type="hidden" name="read" value={item.read ? "false" : "true"} />
        <button
          type="submit"
          disabled={marking}
          aria-label={`Mark “${item.title}” as ${item.read ? "unread" : "read"}`}
          className="rounded-md px-2 py-1 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          {item.read ? "Mark unread" : "Mark read"}
        </button>
      </form>
    </li>
  );
}
