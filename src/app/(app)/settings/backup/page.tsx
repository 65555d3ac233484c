import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { backupOverview } from "@/lib/server/data/backup";
import { MAX_BACKUP_BYTES } from "@/lib/domain/backup";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { BackupImportForm } from "@/components/settings/backup-import-form";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Backup and restore" };

const card = "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";

export default async function BackupPage() {
  const ctx = await requireMemberPage("members.manage");
  const overview = await backupOverview(ctx);
  return (
    <>
      <TextLink href="/settings" className="text-sm">
        ← Settings
      </TextLink>
      <PageHeader
        title="Backup and restore"
        description={`Take a copy of everything ${ctx.orgName} holds, as one file, and bring it back into a new organisation — on this server or another.`}
      />
      <div className="space-y-6">
        <section aria-labelledby="export-heading" className={card}>
          <h2 id="export-heading" className="mb-2 text-lg font-semibold">
            Download a backup
          </h2>
          <div className="mb-3 space-y-2 text-sm text-slate-700 dark:text-slate-300">
            <p>
              One JSON file with every value, behaviour and version, video test, team, observation, barrier,
              intervention, survey and response, metric and reading, customer story and the audit trail — deleted items
              included, so they can still be restored afterwards.
            </p>
            <p>
              People appear with their name and e-mail address only: no passwords, sessions or pending invitations. The
              file still holds your organisation&apos;s data and IP addresses from the audit trail: keep it as safe as
              the application itself. Downloading is recorded in the audit trail.
            </p>
          </div>
          <a href="/settings/backup/export" download className={buttonClass("secondary")}>
            Download backup (.json)
          </a>
        </section>
        <section aria-labelledby="import-heading" className={card}>
          <h2 id="import-heading" className="mb-2 text-lg font-semibold">
            Restore from a backup
          </h2>
          <div className="mb-3 space-y-2 text-sm text-slate-700 dark:text-slate-300">
            <p>
              A backup is imported into an empty organisation only, all at once or not at all. Every record gets a new
              id; the figures on every page come out exactly as they were. The file may be up to{" "}
              {MAX_BACKUP_BYTES / 1024 / 1024} MB; your browser compresses it before sending.
            </p>
            <p>
              People are matched to existing accounts by e-mail address. Anyone without an account here gets one with no
              usable password: they cannot sign in until their password is reset. You stay an admin of this organisation
              whatever role the file gives you.
            </p>
          </div>
          {!overview.empty && (
            <p
              className="mb-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
              data-testid="backup-not-empty"
            >
              {ctx.orgName} holds {overview.contents.map((c) => `${c.count} ${c.label}`).join(", ")}, so nothing can be
              imported into it. Create a new organisation in{" "}
              <Link href="/settings" className="underline">
                Settings
              </Link>
              , switch to it, and restore the backup there.
            </p>
          )}
          {/* Rendered either way: after an import the organisation is no longer empty, and the result stays on screen. */}
          <BackupImportForm empty={overview.empty} />
        </section>
      </div>
    </>
  );
}
