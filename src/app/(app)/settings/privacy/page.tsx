import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { retentionSettings } from "@/lib/server/data/retention";
import { minGroupSizeOf } from "@/lib/server/data/group-size";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { LocalTime } from "@/components/ui/local-time";
import { RetentionForm } from "@/components/privacy/retention-form";
import { GroupSizeForm } from "@/components/privacy/group-size-form";
import { describeGroupSize } from "@/lib/domain/group-size";

export const metadata = { title: "Privacy and retention" };

const card = "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";

export default async function PrivacySettingsPage() {
  const ctx = await requireMemberPage("members.manage");
  const [settings, minGroupSize] = await Promise.all([retentionSettings(ctx), minGroupSizeOf(ctx)]);
  const last = settings.lastRun;
  return (
    <>
      <PageHeader
        title="Privacy and retention"
        description="How long Conduct keeps who observed whom, the notes people write, and the audit trail, and how small a group may be before its figures are hidden. Counts are never removed: every adoption figure stays the same."
      >
        <div className="flex flex-wrap gap-2">
          <Link href="/privacy" className={buttonClass("secondary")}>
            What members see
          </Link>
          <Link href="/settings" className={buttonClass("ghost")}>
            Back to settings
          </Link>
        </div>
      </PageHeader>
      <div className="space-y-6">
        <section aria-labelledby="policy-heading" className={card}>
          <h2 id="policy-heading" className="mb-3 text-lg font-semibold">
            The policy today
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {settings.rules.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-slate-600 dark:text-slate-400" id="retention-last-run">
            {last ? (
              <>
                Last applied <LocalTime iso={last.at} />: {last.observers} observations made anonymous, {last.notes}{" "}
                notes deleted, {last.auditEvents} audit events deleted, {last.surveys} surveys&apos; answers
                de-identified.
              </>
            ) : (
              "Not applied yet: it runs every night, so the first run removes whatever is already past its period."
            )}
          </p>
        </section>
        <section aria-labelledby="retention-heading" className={card}>
          <h2 id="retention-heading" className="mb-3 text-lg font-semibold">
            Change the periods
          </h2>
          <RetentionForm policy={settings.policy} />
        </section>
        <section aria-labelledby="group-size-heading" className={card}>
          <h2 id="group-size-heading" className="mb-1 text-lg font-semibold">
            Minimum group size
          </h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400" data-testid="group-size-rule">
            {describeGroupSize(minGroupSize)}
          </p>
          <GroupSizeForm minGroupSize={minGroupSize} />
        </section>
      </div>
    </>
  );
}
