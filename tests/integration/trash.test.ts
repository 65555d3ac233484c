import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { listDeleted, restoreDeleted, softDelete } from "@/lib/server/data/trash";
import { getBehaviour, listCatalogue } from "@/lib/server/data/catalogue";
import { getBarrier, listBarriers } from "@/lib/server/data/barriers";
import { getMetric, listMetrics } from "@/lib/server/data/metrics";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import { buildBehaviour, buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";
import { dataCounts } from "./support/snapshot";

const DAY = 86_400_000;

async function world() {
  const s = await buildOrgScenario(db());
  await db().behaviour.update({ where: { id: s.behaviour.id }, data: { status: "ACTIVE" } });
  const variant = await buildBehaviour(
    db(),
    { organizationId: s.org.id, valueId: s.value.id, ownerId: s.leader.membership.id },
    { title: "Local variant", status: "ACTIVE" },
  );
  await db().behaviour.update({ where: { id: variant.id }, data: { parentId: s.behaviour.id, teamId: s.team.id } });
  const barrier = await db().barrier.create({
    data: {
      organizationId: s.org.id,
      title: "Nobody owns it",
      description: "No owner for the queue",
      comB: "PHYSICAL_OPPORTUNITY",
      determinant: "ACCESS",
      impact: 3,
      reach: 3,
      ease: 3,
      createdById: s.manager.membership.id,
    },
  });
  await db().barrierBehaviour.create({
    data: { organizationId: s.org.id, barrierId: barrier.id, behaviourId: s.behaviour.id },
  });
  const metric = await db().metric.create({
    data: {
      organizationId: s.org.id,
      name: "Retention",
      unit: "%",
      kind: "CUSTOMER_OUTCOME",
      timing: "LAGGING",
      direction: "UP",
    },
  });
  const ctx = {
    admin: await contextFor(s.admin.user.id, s.org.id),
    leader: await contextFor(s.leader.user.id, s.org.id),
    manager: await contextFor(s.manager.user.id, s.org.id),
    member: await contextFor(s.member.user.id, s.org.id),
  };
  return { s, variant, barrier, metric, ctx };
}

describe("soft delete and restore", () => {
  it("hides a deleted behaviour (with its variants), barrier and metric everywhere, and an admin restores them as they were", async () => {
    const w = await world();
    const t0 = new Date();
    await softDelete(w.ctx.leader, "behaviour", w.s.behaviour.id, t0);
    await softDelete(w.ctx.manager, "barrier", w.barrier.id, t0);
    await softDelete(w.ctx.manager, "metric", w.metric.id, t0);
    expect((await listCatalogue(w.ctx.admin)).flatMap((v) => v.behaviours)).toEqual([]);
    await expect(getBehaviour(w.ctx.admin, w.s.behaviour.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getBehaviour(w.ctx.admin, w.variant.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listBarriers(w.ctx.admin)).toEqual([]);
    await expect(getBarrier(w.ctx.admin, w.barrier.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listMetrics(w.ctx.admin)).toEqual([]);
    await expect(getMetric(w.ctx.admin, w.metric.id)).rejects.toBeInstanceOf(NotFoundError);
    // Deleting twice is deleting something that is not there.
    await expect(softDelete(w.ctx.manager, "barrier", w.barrier.id)).rejects.toBeInstanceOf(NotFoundError);

    expect((await listDeleted(w.ctx.admin)).map((d) => [d.type, d.title]).sort()).toEqual([
      ["barrier", "Nobody owns it"],
      ["behaviour", w.s.behaviour.title],
      ["metric", "Retention"],
    ]);
    for (const [type, id] of [
      ["behaviour", w.s.behaviour.id],
      ["barrier", w.barrier.id],
      ["metric", w.metric.id],
    ] as const)
      await restoreDeleted(w.ctx.admin, type, id);
    expect((await getBehaviour(w.ctx.admin, w.variant.id)).title).toBe("Local variant");
    expect((await getBarrier(w.ctx.admin, w.barrier.id)).behaviourTitles).toEqual([w.s.behaviour.title]);
    expect((await getMetric(w.ctx.admin, w.metric.id)).name).toBe("Retention");
    expect(await listDeleted(w.ctx.admin)).toEqual([]);
    const actions = await db().auditEvent.findMany({
      where: { organizationId: w.s.org.id, action: { endsWith: "restore" } },
      select: { action: true },
    });
    expect(actions.map((a) => a.action).sort()).toEqual(["barrier.restore", "behaviour.restore", "metric.restore"]);
  });

  it("lets only admins restore, and only within 30 days", async () => {
    const w = await world();
    const deletedAt = new Date("2026-10-01T12:00:00Z");
    await softDelete(w.ctx.manager, "barrier", w.barrier.id, deletedAt);
    for (const who of [w.ctx.leader, w.ctx.manager, w.ctx.member]) {
      await expect(
        restoreDeleted(who, "barrier", w.barrier.id, new Date("2026-10-02T00:00:00Z")),
      ).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listDeleted(who)).rejects.toBeInstanceOf(ForbiddenError);
    }
    const before = await dataCounts();
    await expect(
      restoreDeleted(w.ctx.admin, "barrier", w.barrier.id, new Date(deletedAt.getTime() + 30 * DAY)),
    ).rejects.toBeInstanceOf(RuleError);
    expect(await dataCounts()).toEqual(before);
    expect(await listDeleted(w.ctx.admin, new Date(deletedAt.getTime() + 30 * DAY))).toEqual([]);
    await restoreDeleted(w.ctx.admin, "barrier", w.barrier.id, new Date(deletedAt.getTime() + 30 * DAY - 1000));
    expect((await getBarrier(w.ctx.admin, w.barrier.id)).title).toBe("Nobody owns it");
  });

  it("refuses deletion without the permission for that kind of record, and another organisation's ids are not found", async () => {
    const w = await world();
    const before = await dataCounts();
    await expect(softDelete(w.ctx.member, "behaviour", w.s.behaviour.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(softDelete(w.ctx.manager, "behaviour", w.s.behaviour.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(softDelete(w.ctx.member, "barrier", w.barrier.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(softDelete(w.ctx.member, "metric", w.metric.id)).rejects.toBeInstanceOf(ForbiddenError);
    const other = await world();
    await expect(softDelete(other.ctx.admin, "barrier", w.barrier.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(softDelete(other.ctx.admin, "behaviour", w.s.behaviour.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(softDelete(w.ctx.leader, "behaviour", w.variant.id)).rejects.toBeInstanceOf(NotFoundError); // a variant goes with its parent
    await softDelete(w.ctx.manager, "metric", w.metric.id);
    await expect(restoreDeleted(other.ctx.admin, "metric", w.metric.id)).rejects.toBeInstanceOf(NotFoundError);
    expect((await listDeleted(other.ctx.admin)).map((d) => d.id)).not.toContain(w.metric.id);
    expect((await dataCounts()).Barrier).toBe(before.Barrier! + 1);
  });
});
