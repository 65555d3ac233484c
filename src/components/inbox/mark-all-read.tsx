"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { markAllNotificationsReadAction } from "@/lib/actions/inbox";

export function MarkAllRead() {
  const [, onSubmit, pending, feedback] = useFormAction(markAllNotificationsReadAction);
  return (
    <form onSubmit={onSubmit} className="flex items-center gap-2">
      <Button type="submit" variant="secondary" disabled={pending}>
        Mark all as read
      </Button>
      <FormError {...feedback} />
    </form>
  );
}
