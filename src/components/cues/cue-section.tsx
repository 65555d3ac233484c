import { Badge } from "@/components/ui/badge";
import type { CueSectionDto } from "@/lib/schemas/cues";
import { CueForm } from "./cue-form";
import { DeleteCueButton } from "./delete-cue-button";
import { SendCueTestButton } from "./send-cue-test-button";

/** The behaviour page's cues: what is prompted when, and where (for those who may edit the behaviour). */
export function CueSection({ behaviourId, section }: { behaviourId: string; section: CueSectionDto }) {
  return (
    <section className="mt-8 print:hidden" aria-labelledby="cues-heading">
      <h2 id="cues-heading" className="text-lg font-semibold">
        Cues
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        A prompt at the moment of action, sent on the days and at the time you choose ({section.timeZone}), with a link
        that opens the Log pad on this behaviour.
      </p>
      {section.cues.length === 0 ? (
        <p className="mt-2 text-sm">No cue yet.</p>
      ) : (
        <ul className="mt-3 space-y-3">
          {section.cues.map((c) => (
            <li
              key={c.id}
              className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900"
            >
              <p className="font-medium">{c.message}</p>
              <p className="mt-1 text-slate-600 dark:text-slate-400">
                {c.schedule} · {[c.email ? "e-mail" : null, c.webhookName].filter(Boolean).join(" and ") || "nowhere"}{" "}
                {!c.enabled && <Badge>Off</Badge>}
              </p>
              <div className="mt-2">
                <SendCueTestButton id={c.id} />
              </div>
              <details className="mt-2">
                <summary className="cursor-pointer text-sm font-medium">Change</summary>
                <div className="mt-2 space-y-3">
                  <CueForm behaviourId={behaviourId} webhooks={section.webhooks} timeZone={section.timeZone} cue={c} />
                  <DeleteCueButton id={c.id} />
                </div>
              </details>
            </li>
          ))}
        </ul>
      )}
      <details className="mt-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
        <summary className="cursor-pointer text-sm font-medium">Add a cue</summary>
        <div className="mt-3">
          <CueForm behaviourId={behaviourId} webhooks={section.webhooks} timeZone={section.timeZone} />
        </div>
      </details>
    </section>
  );
}
