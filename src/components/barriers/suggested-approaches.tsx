import { COMB_LABELS } from "@/lib/domain/labels";
import { FUNCTION_LABELS, suggestedFunctions, type ComB } from "@/lib/domain/interventions";
import { NO_SUGGESTION_REASON, suggestedTechniques } from "@/lib/domain/bct";

/**
 * Where an intervention against this barrier could start: the functions the Behaviour Change Wheel links to its
 * COM-B component, each with the behaviour change techniques (BCTTv1) commonly used to serve it.
 */
export function SuggestedApproaches({ comB }: { comB: ComB }) {
  return (
    <details className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
      <summary className="cursor-pointer font-medium">
        Suggested for {(COMB_LABELS[comB] ?? comB).toLowerCase()}: functions and techniques
      </summary>
      <dl className="mt-2 space-y-2">
        {suggestedFunctions(comB).map((fn) => {
          const techniques = suggestedTechniques(fn);
          return (
            <div key={fn}>
              <dt className="font-medium">{FUNCTION_LABELS[fn]}</dt>
              <dd className="text-slate-700 dark:text-slate-300">
                {techniques.length > 0
                  ? techniques.map((t) => `${t.id} ${t.label}`).join(" · ")
                  : NO_SUGGESTION_REASON[fn]}
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
        After Michie, Atkins &amp; West (2014), the Behaviour Change Wheel guide: the techniques most often used for
        each function, a place to start rather than a rule.
      </p>
    </details>
  );
}
