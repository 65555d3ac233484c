import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  ActionConflictError,
  actionForEdit,
  closeAction,
  createAction,
  reopenAction,
  updateAction,
} from "@/lib/server/data/actions";
import {
  ACTION_PAGE_SIZE,
  exportActionsCsv,
  getAction,
  listActions,
  listOpenActionsFor,
  overdueActions,
} from "@/lib/server/data/action-lists";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import { ActionFilter, ActionInput, ActionUpdateInput, CloseActionInput } from "@/lib/schemas/actions";
import { parseCsv } from "@/lib/domain/csv";
import { listAuditEvents } from "@/lib/server/data/audit-trail";
import type { MemberContext } from "@/lib/server/data/accounts";
import { buildMember, buildOrgScenario, buildTeam } from "../factories";
import { readText } from "./support/read-text";
import { contextFor } from "./support/context";
import { dataCounts } from "./support/snapshot";
import { buildBarrier, buildIntervention, buildMetric, buildOccurrence } from "./support/embedding-fixtures";

// Issue 16: actions. Who may create and close them, that every link is the organisation's own, the
// barrier rule (done only on the barrier's evidence), version checks and racing closes.

const TODAY = "2026-11-10";

async function scenario() {
  const s = await buildOrgScenario(db());
  const [admin, manager, member, leader] = await Promise.all([
    contextFor(s.admin.user.id, s.org.id),
    contextFor(s.manager.user.id, s.org.id),
    contextFor(s.member.user.id, s.org.id),
    contextFor(s.leader.user.id, s.org.id),
  ]);
  return { s, admin, manager, member, leader };
}

const form = (over: Record<string, unknown>) =>
  ActionInput.parse({
    title: "Ask platform for a staging slot",
    detail: "",
    dueOn: "",
    teamId: "",
    behaviourId: "",
    barrierId: "",
    interventionId: "",
    metricId: "",
    occurrenceId: "",
    ...over,
  });

const close = (ctx: MemberContext, id: string, version: number, status: "DONE" | "DROPPED", reason = "") =>
  closeAction(ctx, CloseActionInput.parse({ id, version, status, reason }));

const filter = (over: Record<string, unknown> = {}) => ActionFilter.parse(over);

describe("creating actions", () => {
  it("lets a manager create an action with links, listed as the owner's and audited", async () => {
    const { s, manager, member } = await scenario();
    const barrier = await buildBarrier(s.org.id, s.manager.membership.id);
    const intervention = await buildIntervention(s.org.id, barrier.id, s.manager.membership.id);
    const metric = await buildMetric(s.org.id);
    const id = await createAction(
      manager,
      form({
        ownerId: s.member.membership.id,
        dueOn: "2026-11-20",
        teamId: s.team.id,
        behaviourId: s.behaviour.id,
        barrierId: barrier.id,
        interventionId: intervention.id,
        metricId: metric.id,
      }),
    );
    const a = await getAction(member, id, TODAY);
    expect(a).toMatchObject({
      title: "Ask platform for a staging slot",
      status: "OPEN",
      dueOn: "2026-11-20",
      overdue: false,
      ownerName: s.member.user.name,
      teamName: s.team.name,
      behaviour: { id: s.behaviour.id },
      barrier: { id: barrier.id, status: "IDENTIFIED", removalEvidence: null },
      intervention: { id: intervention.id },
      metric: { id: metric.id },
      canClose: true,
      canEdit: false,
    });
    expect((await listActions(member, filter(), undefined, TODAY)).rows.map((r) => r.id)).toEqual([id]);
    expect((await listActions(manager, filter(), undefined, TODAY)).rows).toEqual([]);
    const audit = await db().auditEvent.findFirst({ where: { action: "action.create", targetId: id } });
    expect(audit?.actorUserId).toBe(s.manager.user.id);
    // The audit trail names it.
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const trail = (await listAuditEvents(admin, { action: "action.create" })).rows;
    expect(trail.map((e) => [e.targetLabel, e.targetName])).toEqual([["Action", "Ask platform for a staging slot"]]);
  });

  it("refuses a member outside a meeting, and changes nothing", async () => {
    const { s, member } = await scenario();
    const before = await dataCounts();
    await expect(createAction(member, form({ ownerId: s.member.membership.id }))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await dataCounts()).toEqual(before);
  });

  it("lets the facilitator and the participants of a meeting create its actions, and nobody else", async () => {
    const { s, member, leader } = await scenario();
    const other = await buildMember(db(), s.org.id, "MEMBER");
    const otherCtx = await contextFor(other.user.id, s.org.id);
    const { occurrenceId } = await buildOccurrence(s.org.id, {
      facilitatorId: s.leader.membership.id,
      participantIds: [s.member.membership.id],
    });
    const byParticipant = await createAction(member, form({ ownerId: s.admin.membership.id, occurrenceId }));
    const byFacilitator = await createAction(leader, form({ ownerId: s.member.membership.id, occurrenceId }));
    await expect(createAction(otherCtx, form({ ownerId: other.membership.id, occurrenceId }))).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const listed = await listOpenActionsFor(member, { occurrenceIds: [occurrenceId] }, TODAY);
    expect(listed.map((a) => a.id).sort()).toEqual([byParticipant, byFacilitator].sort());
    expect(listed[0]!.occurrenceLabel).toMatch(/^Weekly check-in .*, 2 Nov 2026$/);
  });

  it("treats another organisation's ids like ids that never existed", async () => {
    const { s, manager, member } = await scenario();
    const b = await buildOrgScenario(db());
    const foreignBarrier = await buildBarrier(b.org.id, b.manager.membership.id);
    const foreignOcc = await buildOccurrence(b.org.id, { facilitatorId: b.member.membership.id });
    const own = { ownerId: s.member.membership.id };
    const cases: [Record<string, unknown>, string][] = [
      [{ ownerId: b.member.membership.id }, "ownerId"],
      [{ ...own, teamId: b.team.id }, "teamId"],
      [{ ...own, behaviourId: b.behaviour.id }, "behaviourId"],
      [{ ...own, barrierId: foreignBarrier.id }, "barrierId"],
      [
        { ...own, interventionId: (await buildIntervention(b.org.id, foreignBarrier.id, b.admin.membership.id)).id },
        "interventionId",
      ],
      [{ ...own, metricId: (await buildMetric(b.org.id)).id }, "metricId"],
    ];
    const before = await dataCounts();
    for (const [over, field] of cases) {
      const err = await createAction(manager, form(over)).catch((e: unknown) => e);
      expect(err, field).toBeInstanceOf(RuleError);
      expect((err as RuleError).field).toBe(field);
    }
    await expect(createAction(manager, form({ ...own, occurrenceId: foreignOcc.occurrenceId }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    // A member naming a foreign meeting learns nothing either: not found, as for a made-up id.
    await expect(createAction(member, form({ ...own, occurrenceId: foreignOcc.occurrenceId }))).rejects.toBeInstanceOf(
      NotFoundError,
    );
    expect(await dataCounts()).toEqual(before);
    // Nor are another organisation's actions readable.
    const theirs = await createAction(
      await contextFor(b.manager.user.id, b.org.id),
      form({ ownerId: b.member.membership.id }),
    );
    await expect(getAction(manager, theirs)).rejects.toBeInstanceOf(NotFoundError);
    await expect(close(manager, theirs, 1, "DONE")).rejects.toBeInstanceOf(NotFoundError);
    expect(await listOpenActionsFor(manager, { ownerId: b.member.membership.id })).toEqual([]);
  });

  it("refuses an owner who is no longer an active member", async () => {
    const { s, manager } = await scenario();
    const gone = await buildMember(db(), s.org.id, "MEMBER");
    await db().membership.update({ where: { id: gone.membership.id }, data: { status: "DISABLED" } });
    await expect(createAction(manager, form({ ownerId: gone.membership.id }))).rejects.toMatchObject({
      field: "ownerId",
    });
  });
});

describe("closing and reopening", () => {
  it("lets the owner close and reopen their own action without actions.manage; others are refused", async () => {
    const { s, manager, member } = await scenario();
    const other = await contextFor((await buildMember(db(), s.org.id, "MEMBER")).user.id, s.org.id);
    const id = await createAction(manager, form({ ownerId: s.member.membership.id }));
    await expect(close(other, id, 1, "DONE")).rejects.toBeInstanceOf(ForbiddenError);
    await close(member, id, 1, "DONE");
    expect(await getAction(member, id)).toMatchObject({ status: "DONE", version: 2 });
    await expect(reopenAction(other, id, 2)).rejects.toBeInstanceOf(ForbiddenError);
    await reopenAction(member, id, 2);
    await close(member, id, 3, "DROPPED", "The platform team offered a better route.");
    expect(await getAction(member, id)).toMatchObject({
      status: "DROPPED",
      dropReason: "The platform team offered a better route.",
    });
    // The owner may not edit (reassign, re-date) it: that is for managers.
    const edit = ActionUpdateInput.parse({ ...(await actionForEdit(manager, id)).values, id, version: 4 });
    await expect(updateAction(member, edit)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("needs a reason to drop", () => {
    const r = CloseActionInput.safeParse({ id: "abc", version: "1", status: "DROPPED", reason: " " });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(["reason"]);
  });

  it("marks an action about a barrier done only once the barrier is removed or accepted", async () => {
    const { s, manager } = await scenario();
    const barrier = await buildBarrier(s.org.id, s.manager.membership.id, "IN_PROGRESS");
    const id = await createAction(manager, form({ ownerId: s.manager.membership.id, barrierId: barrier.id }));
    expect((await getAction(manager, id)).doneBlocked).toMatch(/barrier is marked removed/);
    await expect(close(manager, id, 1, "DONE")).rejects.toThrow(/before\/after evidence|marked removed/);
    expect((await getAction(manager, id)).status).toBe("OPEN");

    await db().barrier.update({
      where: { id: barrier.id },
      data: { status: "REMOVED", removalEvidence: { title: "Shared staging", markedAt: "2026-11-01T00:00:00.000Z" } },
    });
    const a = await getAction(manager, id);
    expect(a.doneBlocked).toBeNull();
    expect(a.barrier?.removalEvidence).toMatchObject({ title: "Shared staging" });
    await close(manager, id, 1, "DONE");
    expect((await getAction(manager, id)).status).toBe("DONE");

    const accepted = await buildBarrier(s.org.id, s.manager.membership.id, "ACCEPTED");
    const other = await createAction(manager, form({ ownerId: s.manager.membership.id, barrierId: accepted.id }));
    await close(manager, other, 1, "DONE");
    // Dropping, with a reason, claims nothing about the barrier: allowed while it is still open.
    const open = await buildBarrier(s.org.id, s.manager.membership.id);
    const third = await createAction(manager, form({ ownerId: s.manager.membership.id, barrierId: open.id }));
    await close(manager, third, 1, "DROPPED", "Superseded by the intervention.");
  });

  it("refuses a save or close on a stale version, changing nothing", async () => {
    const { s, manager } = await scenario();
    const id = await createAction(manager, form({ ownerId: s.member.membership.id }));
    const edit = ActionUpdateInput.parse({
      ...(await actionForEdit(manager, id)).values,
      title: "Renamed",
      id,
      version: 1,
    });
    await updateAction(manager, edit);
    await expect(updateAction(manager, { ...edit, title: "Again" })).rejects.toBeInstanceOf(ActionConflictError);
    await expect(close(manager, id, 1, "DONE")).rejects.toBeInstanceOf(ActionConflictError);
    expect(await getAction(manager, id)).toMatchObject({ title: "Renamed", status: "OPEN", version: 2 });
    await close(manager, id, 2, "DONE");
    // Closing what is already closed is a conflict too, whatever version is sent.
    await expect(close(manager, id, 3, "DROPPED", "x")).rejects.toBeInstanceOf(ActionConflictError);
  });

  const ROUNDS = 50;
  it(`two people closing the same action at once: one wins, the other gets a conflict (${ROUNDS} rounds)`, async () => {
    const { s, manager, member } = await scenario();
    const outcomes: string[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const id = await createAction(manager, form({ ownerId: s.member.membership.id }));
      const results = await Promise.allSettled([
        close(member, id, 1, "DONE"),
        close(manager, id, 1, "DROPPED", "Not needed any more."),
      ]);
      const rejected = results.filter((r) => r.status === "rejected");
      expect(rejected).toHaveLength(1);
      expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(ActionConflictError);
      const row = await db().actionItem.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } });
      expect(row.version).toBe(2);
      outcomes.push(row.status);
    }
    expect(outcomes.every((o) => o === "DONE" || o === "DROPPED")).toBe(true);
    expect(await db().auditEvent.count({ where: { action: "action.close", organizationId: s.org.id } })).toBe(ROUNDS);
  });
});

describe("lists, the overdue panel and the export", () => {
  it("lists open first, soonest due first, marks overdue, and filters by team, status and overdue", async () => {
    const { s, manager } = await scenario();
    const other = await buildTeam(db(), s.org.id);
    const mk = (title: string, dueOn: string, teamId = "") =>
      createAction(manager, form({ title, ownerId: s.manager.membership.id, dueOn, teamId }));
    const late = await mk("Late one", "2026-11-01", s.team.id);
    const dueToday = await mk("Due today", TODAY, other.id);
    const undated = await mk("No date", "");
    const done = await mk("Done already", "2026-10-01");
    await close(manager, done, 1, "DONE");
    const page = await listActions(manager, filter(), undefined, TODAY);
    expect(page.rows.map((r) => [r.title, r.overdue])).toEqual([
      ["Late one", true],
      ["Due today", false],
      ["No date", false],
      ["Done already", false],
    ]);
    expect((await listActions(manager, filter({ overdue: "1" }), undefined, TODAY)).rows.map((r) => r.id)).toEqual([
      late,
    ]);
    expect(
      (await listActions(manager, filter({ scope: "team", team: other.id }), undefined, TODAY)).rows.map((r) => r.id),
    ).toEqual([dueToday]);
    expect((await listActions(manager, filter({ status: "DONE" }), undefined, TODAY)).rows.map((r) => r.id)).toEqual([
      done,
    ]);
    expect(undated).toBeTruthy();

    const panel = await overdueActions(manager, {}, TODAY);
    expect(panel.count).toBe(1);
    expect(panel.first.map((r) => r.title)).toEqual(["Late one"]);
    expect((await overdueActions(manager, { teamId: other.id }, TODAY)).count).toBe(0);
    expect((await overdueActions(manager, { teamId: s.team.id }, TODAY)).count).toBe(1);
  });

  it("pages by keyset through every action exactly once, in order", async () => {
    const { s, manager } = await scenario();
    const total = ACTION_PAGE_SIZE * 2 + 7;
    await db().actionItem.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        organizationId: s.org.id,
        title: `Action ${i}`,
        ownerId: s.manager.membership.id,
        createdById: s.manager.membership.id,
        status: i % 5 === 0 ? ("DONE" as const) : i % 7 === 0 ? ("DROPPED" as const) : ("OPEN" as const),
        dueOn: i % 3 === 0 ? null : new Date(Date.UTC(2026, 10, 1 + (i % 9))),
      })),
    });
    const seen: { id: string; status: string; dueOn: string | null }[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listActions(manager, filter({ scope: "all" }), cursor, TODAY);
      seen.push(...page.rows);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((r) => r.id)).size).toBe(total);
    const rank = (r: (typeof seen)[number]) =>
      `${["OPEN", "DONE", "DROPPED"].indexOf(r.status)}|${r.dueOn ?? "9999-99-99"}|${r.id}`;
    const keys = seen.map(rank);
    expect(keys).toEqual([...keys].sort());
  });

  it("exports the filtered actions as CSV, this organisation's only", async () => {
    const { s, manager } = await scenario();
    const b = await buildOrgScenario(db());
    await createAction(await contextFor(b.manager.user.id, b.org.id), form({ ownerId: b.member.membership.id }));
    await createAction(
      manager,
      form({ title: "=cmd|' /C calc'!A0", ownerId: s.member.membership.id, dueOn: "2026-11-01" }),
    );
    const rows = parseCsv(await readText(exportActionsCsv(manager, filter({ scope: "all" }), TODAY)));
    expect(rows[0]!.slice(0, 5)).toEqual(["title", "owner", "status", "due", "overdue"]);
    expect(rows.slice(1).map((r) => r.slice(0, 5))).toEqual([
      ["'=cmd|' /C calc'!A0", s.member.user.name, "Open", "2026-11-01", "yes"],
    ]);
  });
});
