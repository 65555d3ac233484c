import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { recordVideoTest, submitForReview, changeStatus } from "@/lib/server/data/behaviour-review";
import { acceptInvitation, createInvitation } from "@/lib/server/data/members";
import { logObservation } from "@/lib/server/data/observation-log";
import {
  awaitingMyReview,
  INBOX_PAGE,
  listInbox,
  markAllRead,
  markRead,
  openNotification,
  unreadCount,
} from "@/lib/server/data/inbox";
import { NotFoundError } from "@/lib/server/errors";
import { LogObservationInput } from "@/lib/schemas/observations";
import { VideoTestInput } from "@/lib/schemas/behaviour";
import type { MemberContext } from "@/lib/server/data/accounts";
import { buildBehaviour, buildOrgScenario, buildUser } from "../factories";
import { contextFor } from "./support/context";

async function scenario() {
  const s = await buildOrgScenario(db());
  const [admin, leader, manager, member] = await Promise.all(
    [s.admin, s.leader, s.manager, s.member].map((p) => contextFor(p.user.id, s.org.id)),
  );
  return { s, admin: admin!, leader: leader!, manager: manager!, member: member! };
}

const titles = async (ctx: MemberContext) => (await listInbox(ctx)).items.map((i) => i.title);
const verdict = (behaviourId: string, pass: boolean, notes = "") =>
  VideoTestInput.parse({
    behaviourId,
    version: 1,
    camera: "yes",
    actor: "yes",
    moment: "yes",
    agreement: pass ? "yes" : "no",
    verdict: pass ? "PASS" : "FAIL",
    notes,
  });

describe("the inbox", () => {
  it("asks every reviewer but the author to video-test a submitted behaviour, and tells the author the verdict", async () => {
    const { s, admin, leader, manager, member } = await scenario();
    const draft = await buildBehaviour(
      db(),
      { organizationId: s.org.id, valueId: s.value.id, ownerId: s.leader.membership.id },
      { status: "DRAFT", title: "Greets the customer by name" },
    );
    const other = await scenario();
    await submitForReview(leader, draft.id);

    const asked = "“Greets the customer by name” is waiting for a video test";
    expect(await titles(admin)).toEqual([asked]);
    expect(await titles(manager)).toEqual([asked]);
    expect(await titles(leader)).toEqual([]); // the author
    expect(await titles(member)).toEqual([]); // members do not review
    expect(await titles(other.admin)).toEqual([]); // another organisation
    expect(await unreadCount(manager)).toBe(1);
    expect((await awaitingMyReview(manager)).items.map((b) => b.id)).toEqual([draft.id]);
    expect((await awaitingMyReview(leader)).total).toBe(0);

    // A failed test: the author hears why; only the reviewer's own request is answered.
    await recordVideoTest(manager, verdict(draft.id, false, "Say which name: the one on the ticket."));
    const [failed] = (await listInbox(leader)).items;
    expect(failed).toMatchObject({
      title: "“Greets the customer by name” did not pass its video test",
      read: false,
    });
    expect(failed!.body).toContain("Say which name: the one on the ticket.");
    expect(await unreadCount(manager)).toBe(0);
    expect(await unreadCount(admin)).toBe(1);

    // A pass activates it: nobody else still needs to review it.
    await recordVideoTest(admin, verdict(draft.id, true));
    expect((await listInbox(leader)).items[0]!.title).toBe("“Greets the customer by name” passed its video test");
    expect(await unreadCount(admin)).toBe(0);
    expect((await awaitingMyReview(admin)).total).toBe(0);
  });

  it("closes the review requests when the behaviour goes back to draft", async () => {
    const { s, admin, leader } = await scenario();
    const draft = await buildBehaviour(
      db(),
      { organizationId: s.org.id, valueId: s.value.id, ownerId: s.leader.membership.id },
      { status: "DRAFT" },
    );
    await submitForReview(leader, draft.id);
    expect(await unreadCount(admin)).toBe(1);
    await changeStatus(leader, draft.id, "DRAFT");
    expect(await unreadCount(admin)).toBe(0);
  });

  it("tells whoever invited someone that they joined", async () => {
    const { s, admin, manager } = await scenario();
    const { token } = await createInvitation(admin, { role: "MANAGER" });
    const person = await buildUser(db(), { name: "Nadia Joiner" });
    await acceptInvitation(person.id, token);
    expect((await listInbox(admin)).items[0]).toMatchObject({
      title: "Nadia Joiner joined",
      href: "/settings#members-heading",
    });
    expect(await unreadCount(manager)).toBe(0);
    expect(s.org.id).toBeTruthy();
  });

  it("gathers notes on missed behaviours into one item per barrier owner, counting every one, even all at once", async () => {
    const { s, manager, member } = await scenario();
    await db().teamMember.create({
      data: { organizationId: s.org.id, teamId: s.team.id, membershipId: s.member.membership.id },
    });
    const barrier = await db().barrier.create({
      data: {
        organizationId: s.org.id,
        title: "Nobody knows the customer's name",
        description: "The ticket does not show it.",
        comB: "PSYCHOLOGICAL_CAPABILITY",
        determinant: "SELF_EFFICACY",
        createdById: s.manager.membership.id,
        behaviours: { create: { organizationId: s.org.id, behaviourId: s.behaviour.id } },
      },
      select: { id: true },
    });
    const log = (outcome: "performed" | "missed", note: string) =>
      logObservation(
        member,
        LogObservationInput.parse({
          behaviourId: s.behaviour.id,
          teamId: s.team.id,
          outcome,
          note,
          anonymous: false,
          idempotencyKey: `k${Math.random().toString(36).slice(2)}${Date.now()}`,
        }),
      );
    await log("performed", "Went well");
    await log("missed", "");
    expect(await unreadCount(manager)).toBe(0); // neither is evidence

    await Promise.all(Array.from({ length: 8 }, (_, i) => log("missed", `No name on ticket ${i}`)));
    const items = (await listInbox(manager)).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      title: "New evidence on “Nobody knows the customer's name”",
      body: "8 new notes from people who missed a behaviour this barrier is linked to.",
      href: `/barriers/${barrier.id}`,
    });

    // Once read, the next note starts a new item.
    await markRead(manager, items[0]!.id, true);
    await log("missed", "Again no name");
    const after = (await listInbox(manager)).items;
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({
      read: false,
      body: "1 new note from people who missed a behaviour this barrier is linked to.",
    });
    expect(after[1]).toMatchObject({ read: true });
  });

  it("reads, marks and opens only the caller's own items", async () => {
    const { s, admin, manager } = await scenario();
    const other = await scenario();
    const make = (ctx: MemberContext, title: string) =>
      db().notification.create({
        data: {
          organizationId: ctx.orgId,
          recipientId: ctx.membershipId,
          kind: "invitation.accepted",
          subjectId: ctx.membershipId,
          title,
          href: "/settings",
        },
        select: { id: true },
      });
    const mine = await make(admin, "Mine");
    const colleagues = await make(manager, "The manager's");
    const foreign = await make(other.admin, "Another organisation's");
    for (const id of [colleagues.id, foreign.id, "c0000000000000000000000000"]) {
      await expect(markRead(admin, id, true)).rejects.toBeInstanceOf(NotFoundError);
      await expect(openNotification(admin, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await openNotification(admin, mine.id)).toBe("/settings");
    expect((await listInbox(admin)).items[0]).toMatchObject({ read: true });
    await markRead(admin, mine.id, false);
    expect(await unreadCount(admin)).toBe(1);
    expect(await markAllRead(admin)).toBe(1);
    expect(await unreadCount(manager)).toBe(1);
    expect(await unreadCount(other.admin)).toBe(1);
    expect(s.org.id).toBeTruthy();
  });

  it("pages through a long inbox without losing or repeating an item", async () => {
    const { s, admin } = await scenario();
    const total = INBOX_PAGE * 2 + 3;
    const same = new Date();
    await db().notification.createMany({
      data: Array.from({ length: total }, (_, i) => ({
        organizationId: s.org.id,
        recipientId: admin.membershipId,
        kind: "invitation.accepted",
        subjectId: admin.membershipId,
        title: `Item ${i}`,
        href: "/settings",
        // Several share a time, so the id must break ties.
        updatedAt: new Date(same.getTime() - Math.floor(i / 4) * 1000),
      })),
    });
    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const page = await listInbox(admin, { before });
      seen.push(...page.items.map((i) => i.id));
      before = page.nextCursor;
      pages++;
    } while (before);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(total);
    expect((await listInbox(admin, { unreadOnly: true })).unread).toBe(total);
  });
});
