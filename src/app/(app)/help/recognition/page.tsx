import { requireMemberPage } from "@/lib/server/context";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { UNDO_WINDOW_MINUTES } from "@/lib/domain/recognition";

export const metadata = { title: "How recognition works" };

// The rules as the code applies them (src/lib/domain/recognition.ts, src/lib/server/data/recognition.ts).
export default async function RecognitionHelpPage() {
  await requireMemberPage();
  return (
    <article className="prose-sm max-w-3xl space-y-5">
      <PageHeader
        title="How recognition works"
        description="Thanking a colleague or a team for a specific act of one of our behaviours, and what managers see of it."
      />
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Specific thanks teach the behaviour</h2>
        <p>
          A recognition names one act of an active behaviour of the catalogue: who did it (a colleague or a team), what
          they did, and what changed for which customer. &ldquo;Great job!&rdquo; tells the organisation how you feel;
          &ldquo;Mia called the logistics customer to check the export before closing the ticket; they found a second
          failing file on the call&rdquo; shows everyone what the behaviour looks like, and why it matters to customers.
        </p>
        <p>
          As with the video test of a behaviour, the form checks what you write while you type. Text that is only
          praise, thanks or emoji (&ldquo;great job&rdquo;, &ldquo;thanks for everything&rdquo;, &ldquo;legend&rdquo;,
          🙏) cannot be posted: say what they did and what changed for the customer. Other hints only nudge: an act too
          short to picture, vague words (&ldquo;everything&rdquo;, &ldquo;above and beyond&rdquo;), an effect that names
          no customer or says no change.
        </p>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Where recognitions appear</h2>
        <p>
          On the <TextLink href="/recognition">recognition feed</TextLink> for the whole organisation, on the page of
          the team that received it (or of the recipient&apos;s teams), and as wins in the portfolio standup and in the
          rituals&apos; agendas. A recognition may point at the observation that recorded the act: one logged by the
          person or in their team, of the same behaviour.
        </p>
        <p>
          You cannot recognise yourself. You may take back your own recognition for {UNDO_WINDOW_MINUTES} minutes after
          posting it; after that, an admin, leader or manager can remove it.
        </p>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">What managers see</h2>
        <p>
          Recognition analytics count recognitions per behaviour and per team, week by week, and the share of people who
          gave or received at least one (a recognition of a team counts as received by each of its people). There is no
          ranking of individuals anywhere. A team with fewer people than the organisation&apos;s minimum group size
          (five unless an admin changed it; the <TextLink href="/privacy">privacy page</TextLink> says what it is) shows
          &ldquo;too few people to show&rdquo; instead of figures, as every dashboard does, so that no count points at
          one person; an organisation that small shows no shares.
        </p>
      </section>
    </article>
  );
}
