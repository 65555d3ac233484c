import { requireMemberPage } from "@/lib/server/context";
import { privacyNotice } from "@/lib/server/data/privacy-notice";
import { ROLE_LABELS } from "@/lib/domain/roles";
import { PageHeader } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { LocalTime } from "@/components/ui/local-time";
import { TextLink, linkClass } from "@/components/ui/text-link";
import { AccessTable } from "@/components/privacy/access-table";

export const metadata = { title: "Privacy" };

const muted = "text-sm text-slate-600 dark:text-slate-400";

// Every sentence below comes from the organisation's live settings and the code's own rules (issue 21): the
// retention policy, the permission table, the reporting thresholds and the membership. Nothing is hand-written
// about what is kept or who sees it, so the page changes when they do.
export default async function PrivacyPage() {
  const ctx = await requireMemberPage();
  const n = await privacyNotice(ctx);
  const last = n.retention.lastRun;
  return (
    <>
      <PageHeader
        title="Privacy"
        description={`What Conduct keeps about the people of ${n.organisation}, how long, and who sees it, as ${n.organisation} has it set up today.`}
      />
      <div className="space-y-6">
        <Panel title="How long things are kept" id="retention-heading">
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {n.retention.rules.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
          <p className="text-sm">Security events kept: {n.retention.securityEventsKept.join(", ")}.</p>
          <p className={muted}>{n.retention.bounds}</p>
          <p className={muted} id="privacy-last-run">
            {last ? (
              <>
                The nightly clean-up last ran <LocalTime iso={last.at} />.
              </>
            ) : (
              "The nightly clean-up has not run for this organisation yet."
            )}
          </p>
        </Panel>
        <Panel title="Who sees what" id="access-heading">
          <p className={muted}>
            What each role may see and do with people&rsquo;s data. You are {ROLE_LABELS[n.yourRole].toLowerCase()}.
          </p>
          <AccessTable lines={n.access} yourRole={n.yourRole} />
        </Panel>
        <Panel title="In reports" id="reporting-heading">
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {n.reporting.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        </Panel>
        {n.sso && (
          <Panel title="Single sign-on" id="sso-heading">
            <p className="text-sm">
              People with an address at {n.sso.domains.join(", ")} sign in through {n.sso.provider}. It tells Conduct
              your e-mail address, your name and its own id for you; Conduct keeps that id to recognise you next time.
            </p>
          </Panel>
        )}
        <Panel title="Your data" id="your-data-heading">
          <p className="text-sm">
            <a href="/profile/my-data" download className={linkClass}>
              Download my data
            </a>
            : a copy of what {n.organisation} holds about you in Conduct, as JSON (also on{" "}
            <TextLink href="/profile">your profile</TextLink>).
          </p>
          <p className="text-sm">
            To have something about you corrected or erased, ask an admin of {n.organisation}
            {n.admins.length > 0 ? `: ${n.admins.join(", ")}.` : "."}
          </p>
          <p className="text-sm">
            When an admin erases you, your name and e-mail leave {n.organisation}: your entries become anonymous, what
            you owned or did stays under “Former member” (so no figure changes), and your account is deleted unless you
            belong to another organisation. Text someone else wrote that names you, such as a meeting note, is not
            rewritten: ask for it to be edited.
          </p>
        </Panel>
      </div>
    </>
  );
}
