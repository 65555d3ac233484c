import Link from "next/link";
import { nextStep, type OnboardingStep } from "@/lib/domain/onboarding";
import { buttonClass } from "@/components/ui/button-class";

/** Getting started: the method's first steps, ticked from the organisation's own data. */
export function OnboardingChecklist({ steps }: { steps: OnboardingStep[] | null }) {
  if (!steps) return null;
  const next = nextStep(steps);
  const done = steps.filter((s) => s.done).length;
  return (
    <section
      aria-labelledby="onboarding-heading"
      className="mb-6 rounded-lg border border-brand-200 bg-brand-50 p-4 dark:border-brand-800 dark:bg-slate-900"
    >
      <h2 id="onboarding-heading" className="font-semibold">
        Getting started: {done} of {steps.length} done
      </h2>
      <ol className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
        {steps.map((s, i) => (
          <li key={s.key} className="flex gap-2">
            <span aria-hidden className="w-5 shrink-0 text-center">
              {s.done ? "✓" : `${i + 1}.`}
            </span>
            <span>
              {s.done ? (
                <span className="text-slate-500 line-through dark:text-slate-400">{s.title}</span>
              ) : (
                <Link href={s.href} className="underline">
                  {s.title}
                </Link>
              )}
              <span className="sr-only">{s.done ? " (done)" : " (to do)"}</span>
            </span>
          </li>
        ))}
      </ol>
      {next && (
        <p className="mt-3 flex flex-wrap items-center gap-3 text-sm">
          <Link href={next.href} className={buttonClass("primary")}>
            {next.action}
          </Link>
          <span className="text-slate-700 dark:text-slate-300">
            Next: {next.title.toLowerCase()}. {next.why}
          </span>
        </p>
      )}
    </section>
  );
}
