import Link from "next/link";
import { requireMemberPage } from "@/lib/server/context";
import { getAction } from "@/lib/server/data/action-lists";
import { orNotFound } from "@/lib/server/pages";
import { ACTION_STATUS_LABELS } from "@/lib/domain/actions";
import { BARRIER_STATUS_LABELS } from "@/lib/domain/labels";
import { dayOf, formatDay } from "@/lib/domain/dates";
import { ActionCloseForms } from "@/components/actions/action-close";
import { RemovalEvidence } from "@/components/barriers/removal-evidence";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button-class";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Action" };

const card = "rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900";

export default async function ActionPage({ params }: { params: Promise<{ id: string }> }) {
  const ctx = await requireMemberPage();
  const { id } = await params;
  const a = await orNotFound(getAction(ctx, id));
  const links: ({ label: string; node: React.ReactNode } | null | "")[] = [
    a.teamName && { label: "Team", node: a.teamName },
    a.behaviour && {
      label: "Behaviour",
      node: <TextLink href={`/catalogue/${a.behaviour.id}`}>{a.behaviour.name}</TextLink>,
    },
    a.barrier && { label: "Barrier", node: <TextLink href={`/barriers/${a.barrier.id}`}>{a.barrier.name}</TextLink> },
    a.intervention && {
      label: "Intervention",
      node: <TextLink href={`/interventions/${a.intervention.id}`}>{a.intervention.name}</TextLink>,
    },
    a.metric && { label: "Metric", node: <TextLink href={`/metrics/${a.metric.id}`}>{a.metric.name}</TextLink> },
    a.occurrenceLabel && { label: "Agreed in", node: a.occurrenceLabel },
  ];
  const shown = links.filter((x): x is { label: string; node: React.ReactNode } => Boolean(x));
  return (
    <>
      <PageHeader
        title={a.title}
        description={`Owned by ${a.ownerName}. Created by ${a.createdByName} on ${formatDay(dayOf(new Date(a.createdAt), ctx.displayTimeZone))}.`}
      >
        <div className="flex flex-wrap gap-2">
          {a.canEdit && (
            <Link href={`/actions/${a.id}/edit`} className={buttonClass("secondary")}>
              Edit
            </Link>
          )}
          <Link href="/actions" className={buttonClass("ghost")}>
            My actions
          </Link>
        </div>
      </PageHeader>
      <div className="space-y-6">
        <section className={`${card} space-y-3`} aria-labelledby="status-heading">
          <h2 id="status-heading" className="flex flex-wrap items-center gap-2 text-lg font-semibold">
            Status: {ACTION_STATUS_LABELS[a.status]}
            {a.overdue && <Badge tone="red">Overdue</Badge>}
          </h2>
          <p className="text-sm">
            {a.dueOn ? (
              <span className={a.overdue ? "font-semibold text-red-700 dark:text-red-400" : ""}>
                Due {formatDay(a.dueOn)}.
              </span>
            ) : (
              "No due date."
            )}{" "}
            {a.closedAt && <>Closed on {formatDay(dayOf(new Date(a.closedAt), ctx.displayTimeZone))}.</>}
          </p>
          {a.status === "DROPPED" && <p className="text-sm">Dropped because: {a.dropReason}</p>}
          {a.detail && <p className="whitespace-pre-line text-sm">{a.detail}</p>}
          {a.canClose ? (
            <ActionCloseForms
              id={a.id}
              version={a.version}
              status={a.status}
              doneBlocked={a.doneBlocked}
              barrierId={a.barrier?.id ?? null}
            />
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Only its owner or a manager closes this action.
            </p>
          )}
        </section>
        {a.barrier && (
          <section className={`${card} space-y-2`} aria-labelledby="evidence-heading">
            <h2 id="evidence-heading" className="text-lg font-semibold">
              The barrier&apos;s evidence
            </h2>
            <p className="text-sm">
              This action is about the barrier <TextLink href={`/barriers/${a.barrier.id}`}>{a.barrier.name}</TextLink>{" "}
              ({BARRIER_STATUS_LABELS[a.barrier.status]?.toLowerCase()}). Removing a barrier is shown by adoption before
              and after an intervention, not by a tick: the action is done once the barrier is marked removed on that
              evidence, or accepted.
            </p>
            {a.barrier.removalEvidence && (a.barrier.removalEvidence.result || a.barrier.removalEvidence.suppressed) ? (
              <RemovalEvidence
                evidence={a.barrier.removalEvidence}
                timeZone={ctx.displayTimeZone}
                testId="action-removal-evidence"
              />
            ) : (
              <p className="text-sm">
                No before/after evidence yet.{" "}
                <TextLink href={`/barriers/${a.barrier.id}`}>
                  Plan or follow its intervention on the barrier&apos;s page
                </TextLink>
                .
              </p>
            )}
          </section>
        )}
        {shown.length > 0 && (
          <section className={card} aria-labelledby="links-heading">
            <h2 id="links-heading" className="mb-2 text-lg font-semibold">
              What it is about
            </h2>
            <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
              {shown.map((l) => (
                <div key={l.label} className="contents">
                  <dt className="font-medium">{l.label}</dt>
                  <dd>{l.node}</dd>
                </div>
              ))}
            </dl>
          </section>
        )}
      </div>
    </>
  );
}
