import { notFound } from "next/navigation";
import { SuppressedNotice } from "@/components/privacy/suppressed-notice";
import { requireMemberPage } from "@/lib/server/context";
import { getSpotCheck } from "@/lib/server/data/spot-checks";
import { orNotFound } from "@/lib/server/pages";
import { ForbiddenError } from "@/lib/server/errors";
import { formatDay } from "@/lib/domain/dates";
import { spotCheckDays } from "@/lib/domain/spot-checks";
import { can } from "@/lib/domain/roles";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { SpotCheckStatusBadge } from "@/components/spot-checks/status-badge";
import { SpotCheckRates } from "@/components/spot-checks/spot-check-rates";
import { CancelSpotCheck } from "@/components/spot-checks/cancel-spot-check";

export const metadata = { title: "Spot check" };

export default async function SpotCheckPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireMemberPage();
  // Readers of the dashboards see every check, the second observer their own; anyone else a 404.
  const check = await orNotFound(getSpotCheck(ctx, id)).catch((err: unknown) => {
    if (err instanceof ForbiddenError) notFound();
    throw err;
  });
  const days = spotCheckDays(check);
  return (
    <>
      {can(ctx.role, "dashboards.view", ctx.policy) && (
        <TextLink href="/spot-checks" className="text-sm">
          ← Spot checks
        </TextLink>
      )}
      <PageHeader
        title={`Spot check: ${check.behaviourTitle}`}
        description={`${check.teamName}, ${formatDay(check.startsOn)} – ${formatDay(check.endsOn)} (${days} day${days === 1 ? "" : "s"}). Second observer: ${check.observerName}${check.requestedByName ? `; requested by ${check.requestedByName}` : ""}.`}
      >
        <SpotCheckStatusBadge status={check.status} />
      </PageHeader>
      {check.note && <p className="mb-4 max-w-3xl text-sm whitespace-pre-line">{check.note}</p>}
      {check.isObserver && check.status === "running" && (
        <p className="mb-4 text-sm">
          You are the second observer:{" "}
          <TextLink href={`/log?team=${check.teamId}&behaviour=${check.behaviourId}`}>
            log this behaviour for {check.teamName}
          </TextLink>{" "}
          each time you see the moment, performed or missed.
        </p>
      )}
      {check.comparison ? (
        <SpotCheckRates comparison={check.comparison} observerName={check.observerName} teamName={check.teamName} />
      ) : (
        <SuppressedNotice
          title="The two rates"
          reason={check.suppressed ?? "small"}
          minGroupSize={check.minGroupSize}
          testId="spot-check-suppressed"
        />
      )}
      {check.canCancel && (
        <div className="mt-8 max-w-3xl">
          <CancelSpotCheck id={check.id} />
        </div>
      )}
    </>
  );
}
