"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { setMailModeAction } from "@/lib/actions/mail";

/** "Send e-mail" or "Keep every message in the outbox", and whether this server can send at all. */
export function MailModeForm({ mailMode, smtpConfigured }: { mailMode: "SEND" | "OUTBOX"; smtpConfigured: boolean }) {
  const [state, onSubmit, pending, feedback] = useFormAction(setMailModeAction);
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <p id="mail-smtp-status" className="text-sm text-slate-700 dark:text-slate-300">
        {smtpConfigured
          ? "This server has an SMTP server configured, so it can send e-mail."
          : "This server has no SMTP server configured (SMTP_URL): every message stays in the outbox, whatever you choose here."}
      </p>
      <fieldset className="space-y-2" aria-describedby="mail-smtp-status">
        <legend className="sr-only">How e-mail leaves</legend>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="mailMode" value="SEND" defaultChecked={mailMode === "SEND"} className="mt-1" />
          <span>Send e-mail</span>
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="radio" name="mailMode" value="OUTBOX" defaultChecked={mailMode === "OUTBOX"} className="mt-1" />
          <span>Keep every message in the outbox (nothing is sent: for trials and demos)</span>
        </label>
      </fieldset>
      <FormError {...feedback} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          Save mail setting
        </Button>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {state?.ok ? "Mail setting saved." : null}
        </p>
      </div>
    </form>
  );
}
