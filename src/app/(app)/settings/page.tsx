import Link from "next/link";
import { onboarding } from "@/lib/server/data/onboarding";
import { OnboardingChecklist } from "@/components/onboarding/checklist";
import { requireMemberPage } from "@/lib/server/context";
import { listInvitations, listMembers } from "@/lib/server/data/members";
import { can, ROLE_LABELS } from "@/lib/domain/roles";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";
import { MemberRow } from "@/components/settings/member-row";
import { InviteForm } from "@/components/settings/invite-form";
import { InvitationImportForm } from "@/components/settings/invitation-import-form";
import { InvitationList } from "@/components/settings/invitation-list";
import { NewOrganizationForm } from "@/components/settings/new-organization-form";
import { PolicyForm } from "@/components/settings/policy-form";
import { TextLink } from "@/components/ui/text-link";
import { MailModeForm } from "@/components/mail/mail-mode-form";
import { mailSettings } from "@/lib/server/mail/settings";
import { CalendarForm } from "@/components/settings/calendar-form";
import { timeZoneNames } from "@/lib/schemas/calendar";
import { pendingCalendarChange } from "@/lib/server/data/calendar-change";

export const metadata = { title: "Settings" };

const card = "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";

export default async function SettingsPage() {
  const ctx = await requireMemberPage();
  const admin = can(ctx.role, "members.manage", ctx.policy);
  const [members, invitations, calendarChange] = admin
    ? await Promise.all([listMembers(ctx), listInvitations(ctx), pendingCalendarChange(ctx)])
    : [[], [], null];
  const steps = await onboarding(ctx);
  const mail = can(ctx.role, "notifications.manage", ctx.policy) ? await mailSettings(ctx) : null;
  return (
    <>
      <OnboardingChecklist steps={steps} />
      <PageHeader title="Settings" description={`${ctx.orgName} · you are ${ROLE_LABELS[ctx.role].toLowerCase()}.`}>
        <Link href="/privacy" className={buttonClass("secondary")}>
          Privacy: what members see
        </Link>
        {admin && (
          <div className="flex flex-wrap gap-2">
            <Link href="/settings/audit" className={buttonClass("secondary")}>
              Audit trail
            </Link>
            <Link href="/settings/privacy" className={buttonClass("secondary")}>
              Privacy and retention
            </Link>
            <Link href="/settings/deleted" className={buttonClass("secondary")}>
              Deleted items
            </Link>
            <Link href="/settings/backup" className={buttonClass("secondary")}>
              Backup and restore
            </Link>
            <Link href="/settings/jobs" className={buttonClass("secondary")}>
              Background jobs
            </Link>
            <Link href="/settings/anchors" className={buttonClass("secondary")}>
              Anchor questions
            </Link>
            <Link href="/settings/video-test" className={buttonClass("secondary")}>
              Video test terms
            </Link>
            <Link href="/settings/webhooks" className={buttonClass("secondary")}>
              Webhooks
            </Link>
            <Link href="/settings/api-tokens" className={buttonClass("secondary")}>
              API tokens
            </Link>
            <Link href="/settings/sso" className={buttonClass("secondary")}>
              Single sign-on
            </Link>
            <Link href="/settings/scim" className={buttonClass("secondary")}>
              Provisioning (SCIM)
            </Link>
            <Link href="/settings/outbox" className={buttonClass("secondary")}>
              Outbox
            </Link>
            <Link href="/settings/notifications" className={buttonClass("secondary")}>
              Notification defaults
            </Link>
          </div>
        )}
      </PageHeader>
      <div className="space-y-6">
        {admin && (
          <>
            <section aria-labelledby="invite-heading" className={card}>
              <h2 id="invite-heading" className="mb-3 text-lg font-semibold">
                Invite people
              </h2>
              <InviteForm />
              <details className="mt-6">
                <summary className="cursor-pointer text-sm font-semibold">Invite many people from a CSV</summary>
                <div className="mt-3">
                  <InvitationImportForm />
                </div>
              </details>
              <h3 className="mb-1 mt-6 text-sm font-semibold">Invitations</h3>
              <InvitationList invitations={invitations} />
            </section>
            <section aria-labelledby="policy-heading" className={card}>
              <h2 id="policy-heading" className="mb-3 text-lg font-semibold">
                Who manages teams
              </h2>
              <PolicyForm leadersManageTeams={ctx.policy.leadersManageTeams} />
            </section>
            {mail && (
              <section aria-labelledby="mail-heading" className={card}>
                <h2 id="mail-heading" className="mb-3 text-lg font-semibold">
                  E-mail
                </h2>
                <MailModeForm mailMode={mail.mailMode} smtpConfigured={mail.smtpConfigured} />
                <p className="mt-3 text-sm">
                  <TextLink href="/settings/outbox" className="font-medium">
                    Read every message in the outbox
                  </TextLink>
                </p>
              </section>
            )}
            <section aria-labelledby="calendar-heading" className={card}>
              <h2 id="calendar-heading" className="mb-3 text-lg font-semibold">
                Time zone and week
              </h2>
              <CalendarForm
                timeZone={ctx.timeZone}
                weekStartsOn={ctx.weekStartsOn}
                zones={timeZoneNames()}
                pending={calendarChange}
              />
            </section>
            <section aria-labelledby="members-heading" className={card}>
              <h2 id="members-heading" className="mb-3 text-lg font-semibold">
                Members
              </h2>
              <div className="overflow-x-auto">
                <table className="w-full text-sm">
                  <thead className="text-left text-slate-600 dark:text-slate-400">
                    <tr>
                      <th scope="col" className="p-3 font-medium">
                        Person
                      </th>
                      <th scope="col" className="p-3 font-medium">
                        Role
                      </th>
                      <th scope="col" className="p-3 font-medium">
                        Status
                      </th>
                      <th scope="col" className="p-3 font-medium">
                        Forgotten password
                      </th>
                      <th scope="col" className="p-3 font-medium">
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
                    {members.map((m) => (
                      <MemberRow key={m.membershipId} member={m} />
                    ))}
                  </tbody>
                </table>
              </div>
            </section>
          </>
        )}
        <section aria-labelledby="org-heading" className={card}>
          <h2 id="org-heading" className="mb-3 text-lg font-semibold">
            Another organisation
          </h2>
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            Create a separate organisation; you become its admin and can switch between organisations at the top of the
            page.
          </p>
          <NewOrganizationForm />
        </section>
      </div>
    </>
  );
}
