import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { anchorQuestionList } from "@/lib/server/data/anchor-questions";
import { AnchorQuestionsForm } from "@/components/settings/anchor-questions-form";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";

export const metadata = { title: "Anchor questions" };

export default async function AnchorQuestionsPage() {
  const ctx = await requireMemberPage("anchors.manage");
  const list = await anchorQuestionList(ctx);
  return (
    <>
      <PageHeader
        title="Anchor questions"
        description="Every decision in the decision log answers these questions; one left unanswered keeps it a draft. They tie decisions to what customers experience."
      >
        <Link href="/settings" className={buttonClass("ghost")}>
          Back to settings
        </Link>
      </PageHeader>
      {list.isDefault && (
        <p className="mb-4 max-w-3xl text-sm text-slate-600 dark:text-slate-400">
          {ctx.orgName} uses the two default questions. Reword, reorder or add to them; saving makes the list your own.
        </p>
      )}
      <div className="max-w-3xl">
        <AnchorQuestionsForm list={list} />
      </div>
    </>
  );
}
