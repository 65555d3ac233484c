import "server-only";
import { db } from "../db";
import { can } from "@/lib/domain/roles";
import { onboardingSteps, type OnboardingStep } from "@/lib/domain/onboarding";
import type { MemberContext } from "./accounts";

const found = (row: Promise<unknown>) => row.then((r) => r !== null);

/**
 * The first-run checklist for those who set the organisation up (admins and leaders), or null once
 * someone has seen adoption on the dashboards. Each fact is an existence probe, never a count.
 */
export async function onboarding(ctx: MemberContext): Promise<OnboardingStep[] | null> {
  if (!can(ctx.role, "catalogue.edit", ctx.policy)) return null;
  const org = await db().organization.findUnique({ where: { id: ctx.orgId }, select: { firstInsightAt: true } });
  if (!org || org.firstInsightAt) return null;
  const organizationId = ctx.orgId;
  const id = { id: true } as const;
  const [values, behaviours, teams, colleague, invited, activeBehaviour, observations] = await Promise.all([
    found(db().value.findFirst({ where: { organizationId }, select: id })),
    found(db().behaviour.findFirst({ where: { organizationId, deletedAt: null }, select: id })),
    found(db().team.findFirst({ where: { organizationId, kind: "TEAM" }, select: id })),
    found(db().membership.findFirst({ where: { organizationId, userId: { not: ctx.userId } }, select: id })),
    found(db().invitation.findFirst({ where: { organizationId }, select: id })),
    found(db().behaviour.findFirst({ where: { organizationId, deletedAt: null, status: "ACTIVE" }, select: id })),
    found(db().observation.findFirst({ where: { organizationId }, select: id })),
  ]);
  return onboardingSteps({
    values,
    behaviours,
    teams,
    people: colleague || invited,
    activeBehaviour,
    observations,
    insight: false,
  });
}

/** The dashboards showed adoption to someone: the checklist's last step, written once. */
export async function noteFirstInsight(ctx: MemberContext): Promise<void> {
  await db().organization.updateMany({
    where: { id: ctx.orgId, firstInsightAt: null },
    data: { firstInsightAt: new Date() },
  });
}
