import type { Metadata } from "next";
import { requireMemberPage } from "@/lib/server/context";
import { currentSessionId } from "@/lib/server/auth";
import { getProfile } from "@/lib/server/data/profile";
import { switchOrganizationAction } from "@/lib/actions/auth";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { EmailForm, NameForm, PasswordForm } from "@/components/profile/account-forms";
import { SessionsPanel } from "@/components/profile/sessions-panel";
import { NewOrganizationForm } from "@/components/settings/new-organization-form";
import { formatDay } from "@/lib/domain/dates";
import { myNotificationSettings } from "@/lib/server/mail/settings";
import { NotificationChoice } from "@/components/mail/notification-choice";
import { SendDigestButton } from "@/components/mail/send-digest-button";
import { TimeZoneForm } from "@/components/profile/time-zone-form";
import { timeZoneNames } from "@/lib/schemas/calendar";

export const metadata: Metadata = { title: "Your profile" };

export default async function ProfilePage() {
  const ctx = await requireMemberPage();
  const [profile, notifications] = await Promise.all([
    getProfile(ctx.userId, await currentSessionId(), ctx.orgId, ctx.timeZone),
    myNotificationSettings(ctx),
  ]);
  return (
    <>
      <PageHeader
        title="Your profile"
        description={`Your own account, whichever organisation you are in. Member since ${formatDay(profile.memberSince)}.`}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Panel title="Name">
          <NameForm name={profile.name} />
        </Panel>
        <Panel title="E-mail">
          <EmailForm email={profile.email} />
        </Panel>
        <Panel title="Password">
          <PasswordForm />
        </Panel>
        <Panel title="Time zone">
          <TimeZoneForm timeZone={profile.timeZone} organisationZone={ctx.timeZone} zones={timeZoneNames()} />
        </Panel>
        <Panel title="Where you are signed in">
          <SessionsPanel otherSessions={profile.otherSessions} />
        </Panel>
        <Panel title="Notifications">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            What {ctx.orgName} sends you by e-mail. Account messages (invitations, password resets) always come.
          </p>
          <div className="divide-y divide-slate-200 dark:divide-slate-800">
            {notifications.map((n) => (
              <NotificationChoice
                key={n.kind}
                kind={n.kind}
                label={n.label}
                hint={n.hint}
                scope="mine"
                value={n.personal ?? "DEFAULT"}
                orgDefault={n.orgDefault}
              />
            ))}
          </div>
          <SendDigestButton />
        </Panel>
        <Panel title="Your data">
          <p className="text-sm text-slate-600 dark:text-slate-400">
            A copy of everything {ctx.orgName} holds about you in Conduct: your account, teams, the entries you logged,
            recognitions given and received, actions you own and the audit events about you, as JSON.
          </p>
          <a href="/profile/my-data" download className={buttonClass("secondary")}>
            Download my data
          </a>
        </Panel>
        <Panel title="Your organisations">
          <ul className="mb-4 divide-y divide-slate-200 dark:divide-slate-800">
            {profile.organizations.map((o) => (
              <li key={o.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <span>
                  <span className="font-medium">{o.name}</span>{" "}
                  <span className="text-sm text-slate-600 dark:text-slate-400">· {o.role}</span>
                </span>
                {o.current ? (
                  <Badge tone="green">Current</Badge>
                ) : (
                  <form action={switchOrganizationAction}>
                    <input type="hidden" name="organizationId" value={o.id} />
                    <Button type="submit" variant="secondary" aria-label={`Switch to ${o.name}`}>
                      Switch
                    </Button>
                  </form>
                )}
              </li>
            ))}
          </ul>
          <NewOrganizationForm />
        </Panel>
      </div>
    </>
  );
}
