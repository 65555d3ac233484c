import { requireMemberPage } from "@/lib/server/context";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { RITUAL_KINDS, RITUAL_KIND_SPECS, SECTION_LABELS } from "@/lib/domain/rituals";
import { DEFAULT_ANCHOR_QUESTIONS } from "@/lib/domain/decisions";
import { MIN_OPPORTUNITIES } from "@/lib/domain/adoption";
import { AGENDA_CHANGES } from "@/lib/domain/agenda";

export const metadata = { title: "How rituals work" };

/** The method's rituals in its own words, and how each agenda is built (src/lib/domain/rituals.ts). */
export default async function RitualsHelpPage() {
  await requireMemberPage();
  return (
    <article className="max-w-3xl space-y-5 text-sm">
      <PageHeader
        title="How rituals work"
        description="Behaviours stick when the customer is in every meeting: the figures, the customer's own words, and actions that someone owns."
      />
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">The six rituals</h2>
        <dl className="space-y-3">
          {RITUAL_KINDS.map((k) => {
            const spec = RITUAL_KIND_SPECS[k];
            const prompts = spec.agenda.flatMap((i) => (i.prompt ? [i.prompt] : []));
            return (
              <div key={k}>
                <dt className="font-semibold">{spec.label}</dt>
                <dd className="space-y-1">
                  <p>{spec.purpose}</p>
                  <p className="text-slate-600 dark:text-slate-400">
                    Agenda: {spec.agenda.map((i) => i.title).join(" · ")}
                  </p>
                  {prompts.length > 0 && (
                    <ul className="list-disc pl-5">
                      {prompts.map((p) => (
                        <li key={p}>
                          <em>{p}</em>
                        </li>
                      ))}
                    </ul>
                  )}
                </dd>
              </div>
            );
          })}
        </dl>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">How a meeting&apos;s agenda is built</h2>
        <p>
          Each meeting covers the days since the previous one (the first covers one cadence before it). The live items
          are computed for the ritual&apos;s team, value stream (with its teams) or the whole organisation:
        </p>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <strong>{SECTION_LABELS.CARRIED_ACTIONS}</strong>: every action agreed at an earlier meeting of the ritual
            and still open comes first, until someone closes it, so nothing silently disappears. Other overdue actions
            of the scope are listed with them.
          </li>
          <li>
            <strong>{SECTION_LABELS.ADOPTION_CHANGES}</strong>: adoption (performed ÷ opportunities) in the period
            against the period of the same length before it; the {AGENDA_CHANGES} biggest rises and falls, among
            behaviours with at least {MIN_OPPORTUNITIES} opportunities on each side.
          </li>
          <li>
            <strong>{SECTION_LABELS.TOP_BARRIERS}</strong>: open barriers linked to the scope&apos;s teams, highest
            priority first.
          </li>
          <li>
            <strong>{SECTION_LABELS.METRICS_OFF_TRACK}</strong>: customer-outcome metrics off track or at risk against
            their targets.
          </li>
          <li>
            <strong>{SECTION_LABELS.RECOGNITIONS}</strong>, <strong>{SECTION_LABELS.FEEDBACK}</strong> and{" "}
            <strong>{SECTION_LABELS.PAIN_POINTS}</strong>: what happened in the period; pain points group the negative
            feedback by the behaviour or barrier it is about.
          </li>
          <li>
            <strong>{SECTION_LABELS.CUSTOMER_STORY}</strong>: a real customer, helped or hurt by what we did, told in
            their own words (a feedback item marked as a story).
          </li>
        </ul>
        <p>
          The facilitator can reorder the items, add their own and remove any but the carried-forward actions;
          participants take notes on each item. The agenda prints on one page and downloads as Markdown.
        </p>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Decisions answer the anchor questions</h2>
        <p>A decision taken at a meeting is recorded with its answers to the organisation&apos;s anchor questions:</p>
        <ul className="list-disc pl-5">
          {DEFAULT_ANCHOR_QUESTIONS.map((q) => (
            <li key={q}>
              <em>{q}</em>
            </li>
          ))}
        </ul>
        <p>
          Until every question has an answer it stays a draft. See <TextLink href="/rituals">the rituals</TextLink>.
        </p>
      </section>
    </article>
  );
}
