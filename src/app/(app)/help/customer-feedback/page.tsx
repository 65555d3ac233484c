import { requireMemberPage } from "@/lib/server/context";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Customer feedback: the brutal facts" };

export default async function CustomerFeedbackHelpPage() {
  await requireMemberPage();
  return (
    <article className="max-w-3xl space-y-5">
      <PageHeader
        title="Customer feedback: the brutal facts"
        description="Why Conduct keeps what customers said in their own words, and how those words reach the rituals."
      />
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Verbatim words beat summaries</h2>
        <p>
          A culture that serves customers has to confront the brutal facts of how customers experience it. A summary
          (“some users find onboarding confusing”) is already an interpretation: it has been softened, averaged and
          framed by whoever wrote it, and a team can always argue with it. The customer&apos;s own words (“I gave up
          after the third screen asked for my tax number again”) cannot be argued with. They say what happened, how it
          felt, and often which behaviour of ours was missing.
        </p>
        <p>
          So record the quote as it was said or written, with where it came from (support ticket, interview, survey,
          review, sales call) and when. Say how the customer felt: negative, mixed or positive. Keep praise too: it
          shows which behaviours customers notice. Name the customer or segment only as far as you need; no personal
          data is required.
        </p>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">From a quote to a barrier</h2>
        <p>
          Link each item to the behaviours, barriers, metrics and teams it is about. At a clinic, the negative feedback
          of the period grouped by behaviour or barrier shows the recurring pain points; one of them can be turned into
          a barrier with the feedback attached as its evidence, and the barrier page then shows “What customers said”
          beside the survey figures and observation notes.
        </p>
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Customer stories</h2>
        <p>
          A check-in opens with one customer&apos;s story: a feedback item marked as a story. Pick something a customer
          said recently, or record a new story, on the standup or a ritual&apos;s agenda. Starting with the customer
          keeps the meeting about the people the behaviours are for.
        </p>
        <p>
          <TextLink href="/feedback">Go to customer feedback</TextLink>
        </p>
      </section>
    </article>
  );
}
