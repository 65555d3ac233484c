import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { notificationDefaults } from "@/lib/server/mail/settings";
import { NOTIFICATION_KINDS, NOTIFICATION_LABELS } from "@/lib/domain/mail-notifications";
import { NotificationChoice } from "@/components/mail/notification-choice";
import { PageHeader } from "@/components/ui/page-header";
import { buttonClass } from "@/components/ui/button-class";

export const metadata = { title: "Notification defaults" };

export default async function NotificationDefaultsPage() {
  const ctx = await requireMemberPage("notifications.manage");
  const defaults = await notificationDefaults(ctx);
  return (
    <>
      <PageHeader
        title="Notification defaults"
        description={`What members of ${ctx.orgName} get by e-mail until they choose for themselves in their profile. A disabled member gets nothing.`}
      >
        <Link href="/settings" className={buttonClass("ghost")}>
          Back to settings
        </Link>
      </PageHeader>
      <div className="max-w-3xl divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white px-4 dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
        {NOTIFICATION_KINDS.map((kind) => (
          <NotificationChoice
            key={kind}
            kind={kind}
            label={NOTIFICATION_LABELS[kind].label}
            hint={NOTIFICATION_LABELS[kind].hint}
            scope="default"
            value={defaults[kind]}
            orgDefault={defaults[kind]}
          />
        ))}
      </div>
    </>
  );
}
