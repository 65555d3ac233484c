"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { setMyNotificationAction, setNotificationDefaultAction } from "@/lib/actions/mail";
import { CHANNEL_LABELS, type NotificationChannel, type NotificationKind } from "@/lib/domain/mail-notifications";

interface Props {
  kind: NotificationKind;
  label: string;
  hint: string;
  /** "mine": a person's own choice (with "the organisation's default"); "default": the admin's. */
  scope: "mine" | "default";
  value: NotificationChannel | "DEFAULT";
  orgDefault: NotificationChannel;
}

/** One kind of notification: e-mail or none, saved on its own. */
export function NotificationChoice({ kind, label, hint, scope, value, orgDefault }: Props) {
  const [state, onSubmit, pending] = useFormAction(
    scope === "mine" ? setMyNotificationAction : setNotificationDefaultAction,
  );
  const id = `notify-${scope}-${kind}`;
  return (
    <form onSubmit={onSubmit} className="flex flex-wrap items-center gap-2 py-2">
      <input type="hidden" name="kind" value={kind} />
      <div className="min-w-48 flex-1">
        <label htmlFor={id} className="block text-sm font-medium">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </p>
      </div>
      <select
        id={id}
        name="channel"
        defaultValue={value}
        aria-describedby={`${id}-hint`}
        className={`${inputClass} w-auto`}
      >
        {scope === "mine" && (
          <option value="DEFAULT">Organisation default ({CHANNEL_LABELS[orgDefault].toLowerCase()})</option>
        )}
        <option value="EMAIL">{CHANNEL_LABELS.EMAIL}</option>
        <option value="NONE">{CHANNEL_LABELS.NONE}</option>
      </select>
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Save ${label}`}>
        Save
      </Button>
      <span role="status" className="w-16 text-xs text-emerald-700 dark:text-emerald-400">
        {state?.ok ? "Saved." : state && !state.ok ? (state.formError ?? "Not saved.") : null}
      </span>
    </form>
  );
}
