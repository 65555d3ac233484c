"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

/** The signing secret, shown once (at creation or rotation): it is never displayed again. */
export function SecretNotice({ secret, intro }: { secret: string; intro: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div
      role="status"
      className="space-y-2 rounded-md border border-emerald-300 bg-emerald-50 p-3 dark:border-emerald-800 dark:bg-emerald-950"
    >
      <p className="text-sm">
        {intro} Copy the signing secret now: it will not be shown again. Receivers of Standard Webhooks use it to check
        the <code>webhook-signature</code> header.
      </p>
      <div className="flex flex-wrap gap-2">
        <input
          readOnly
          value={secret}
          aria-label="Signing secret"
          className={`${inputClass} flex-1 font-mono text-xs`}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Button
          type="button"
          variant="secondary"
          onClick={async () => {
            await navigator.clipboard?.writeText(secret).catch(() => undefined);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy secret"}
        </Button>
      </div>
    </div>
  );
}
