import { requireMemberPage } from "@/lib/server/context";
import { actionOptions } from "@/lib/server/data/actions";
import { can } from "@/lib/domain/roles";
import { optionalId } from "@/lib/schemas/text";
import { ActionForm } from "@/components/actions/action-form";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "New action" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

// ?barrier=…, ?behaviour=…, ?metric=… preselect what the action is about (links from those pages).
export default async function NewActionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage();
  const sp = await searchParams;
  if (!can(ctx.role, "actions.manage", ctx.policy))
    return (
      <>
        <PageHeader title="New action" />
        <EmptyState>
          Actions are created by leaders and managers, or by the people in a meeting when it agrees one: record it on
          the meeting&apos;s page, or ask a manager. <TextLink href="/actions">See your actions</TextLink>.
        </EmptyState>
      </>
    );
  const options = await actionOptions(ctx);
  const pick = (key: string, list: { id: string }[]) => {
    const id = optionalId.parse(first(sp[key]));
    return id && list.some((x) => x.id === id) ? id : "";
  };
  return (
    <>
      <PageHeader
        title="New action"
        description="One next step, one owner, a due date. It shows in the owner's My actions and, once overdue, on the dashboards."
      />
      <ActionForm
        mode="create"
        options={options}
        initial={{
          ownerId: ctx.membershipId,
          barrierId: pick("barrier", options.barriers),
          behaviourId: pick("behaviour", options.behaviours),
          metricId: pick("metric", options.metrics),
          teamId: pick("team", options.teams),
        }}
      />
    </>
  );
}
