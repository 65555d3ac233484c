import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { listVideoTestTerms, MAX_TERMS } from "@/lib/server/data/video-test-terms";
import { AddTermForm, TermList } from "@/components/settings/video-test-terms";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";

export const metadata = { title: "Video test terms" };

export default async function VideoTestTermsPage() {
  const ctx = await requireMemberPage("videoTest.terms");
  const terms = await listVideoTestTerms(ctx);
  return (
    <>
      <PageHeader
        title="Video test terms"
        description="Your organisation's own vague words and jargon. The automatic video test flags them in the behaviour editor and before a behaviour goes to review, like its built-in rules."
      >
        <Link href="/settings" className={buttonClass("ghost")}>
          Back to settings
        </Link>
      </PageHeader>
      <div className="grid max-w-4xl gap-8 md:grid-cols-[1fr_20rem]">
        <section aria-labelledby="terms-heading">
          <h2 id="terms-heading" className="mb-2 text-lg font-semibold">
            {terms.length === 0 ? "No terms yet" : `${terms.length} term${terms.length === 1 ? "" : "s"}`}
            {terms.length >= MAX_TERMS && ` (the most an organisation keeps)`}
          </h2>
          {terms.length === 0 ? (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Add the slogans people here use instead of acts, e.g. a value&apos;s name or a word from the strategy
              deck. Quoted text is never flagged: &ldquo;fills in the &lsquo;Customer-obsessed&rsquo; field&rdquo; stays
              a filmable act.
            </p>
          ) : (
            <TermList terms={terms} />
          )}
        </section>
        <section aria-labelledby="add-term-heading">
          <h2 id="add-term-heading" className="mb-2 text-lg font-semibold">
            Add a term
          </h2>
          <AddTermForm />
        </section>
      </div>
    </>
  );
}
