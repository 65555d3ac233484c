import { requireMemberPage } from "@/lib/server/context";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { DEFAULT_ANCHOR_QUESTIONS } from "@/lib/domain/decisions";

export const metadata = { title: "How actions and decisions work" };

// The method's words for actions, the decision log and its anchor questions (issue 16).
export default async function ActionsDecisionsHelpPage() {
  await requireMemberPage();
  return (
    <article className="max-w-3xl space-y-5">
      <PageHeader
        title="How actions and decisions work"
        description="Embedding the behaviours in the way the organisation meets, decides and follows up."
      />
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Actions</h2>
        <p>
          An action is one next step with one owner and, usually, a due date. It may come from a ritual (a standup,
          check-in or retrospective) and may be about a behaviour, a barrier, an intervention or a metric. Open actions
          past their due day are overdue: they are marked in <TextLink href="/actions">My actions</TextLink> and listed
          on the dashboards, and a ritual&apos;s next agenda starts with the open actions of the meetings before it.
        </p>
        <p>
          An action is closed as done, or dropped with a reason, by its owner or by a manager. Leaders and managers
          create and reassign actions; anyone taking part in a meeting can record the actions it agrees.
        </p>
        <p>
          An action about a barrier is not closed by a tick. A barrier is removed when adoption rose after an
          intervention started (its before/after evidence); the action is done once the barrier is marked removed on
          that evidence, or accepted as something the team lives with. Until then, record the evidence on the
          barrier&apos;s page, or drop the action and say why.
        </p>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">The decision log and its anchor questions</h2>
        <p>
          Every decision answers the organisation&apos;s anchor questions, which tie it to what customers experience. By
          default they are:
        </p>
        <ul className="list-disc space-y-1 pl-6">
          {DEFAULT_ANCHOR_QUESTIONS.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
        <p>
          When a decision is about a behaviour, the behaviour&apos;s own decision questions are asked too, and must be
          answered as well. A decision with any question unanswered is saved as a draft, not as a decision: the log
          lists drafts apart, and each says which questions are still open. Admins edit the list under Settings, Anchor
          questions; a decision already recorded keeps the questions it answered, word for word.
        </p>
      </section>
    </article>
  );
}
