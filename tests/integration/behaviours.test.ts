import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import {
  behaviourForEdit,
  ConflictError,
  createBehaviour,
  createValue,
  restoreVersion,
  updateBehaviour,
} from "@/lib/server/data/behaviour-editor";
import {
  changeStatus,
  listVersions,
  listVideoTests,
  recordVideoTest,
  submitForReview,
} from "@/lib/server/data/behaviour-review";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import type { BehaviourInput, VideoTestInput } from "@/lib/schemas/behaviour";
import { buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";
import { dataCounts } from "./support/snapshot";

async function scenario() {
  const s = await buildOrgScenario(db());
  const leader = await contextFor(s.leader.user.id, s.org.id);
  const manager = await contextFor(s.manager.user.id, s.org.id);
  const member = await contextFor(s.member.user.id, s.org.id);
  const admin = await contextFor(s.admin.user.id, s.org.id);
  const input: BehaviourInput = {
    title: `Customer quote opens planning ${s.org.id}`,
    valueId: s.value.id,
    ownerId: s.manager.membership.id,
    actor: "The meeting facilitator",
    action: "reads one verbatim customer quote aloud",
    trigger: "At every sprint planning meeting",
    frequency: "within its first five minutes",
    completionCriterion: "The planning notes begin with the quote and its source",
    customerOutcome: "Decisions are made with the customer's words in the room",
    example: "",
    anchors: ["Would the customer agree?"],
  };
  return { s, leader, manager, member, admin, input };
}

const pass = (behaviourId: string, version: number): VideoTestInput => ({
  behaviourId,
  version,
  camera: "yes",
  actor: "yes",
  moment: "yes",
  agreement: "yes",
  verdict: "PASS",
  notes: "",
});
const fail = (behaviourId: string, version: number): VideoTestInput => ({
  ...pass(behaviourId, version),
  moment: "no",
  verdict: "FAIL",
  notes: "Which planning meeting?",
});

describe("defining behaviours", () => {
  it("creates a draft with its first version", async () => {
    const { leader, input } = await scenario();
    const id = await createBehaviour(leader, input);
    const saved = await behaviourForEdit(leader, id);
    expect(saved).toMatchObject({
      version: 1,
      status: "DRAFT",
      values: { title: input.title, anchors: "Would the customer agree?" },
    });
    expect(await listVersions(leader, id)).toEqual([expect.objectContaining({ version: 1, changed: [] })]);
  });

  it("refuses a value or owner of another organisation, a duplicate title, and a member, writing nothing", async () => {
    const { leader, member, input } = await scenario();
    const other = await buildOrgScenario(db());
    await createBehaviour(leader, input);
    const before = await dataCounts();
    await expect(
      createBehaviour(leader, { ...input, title: "Fresh title here", valueId: other.value.id }),
    ).rejects.toMatchObject({ field: "valueId" });
    await expect(
      createBehaviour(leader, { ...input, title: "Fresh title here", ownerId: other.member.membership.id }),
    ).rejects.toMatchObject({ field: "ownerId" });
    await expect(createBehaviour(leader, { ...input, title: input.title.toUpperCase() })).rejects.toMatchObject({
      field: "title",
    });
    await expect(createBehaviour(member, { ...input, title: "Fresh title here" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await dataCounts()).toEqual(before);
  });

  it("saves each edit as a new version, detects a stale edit, and restores an old version as a new one", async () => {
    const { leader, admin, input } = await scenario();
    const id = await createBehaviour(leader, input);
    expect(await updateBehaviour(leader, id, 1, { ...input, frequency: "within its first ten minutes" })).toBe(2);
    // Someone who opened version 1 saves late: a conflict, and nothing changes.
    const err = await updateBehaviour(admin, id, 1, { ...input, actor: "The product owner" }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.current).toBe(2);
    expect((await behaviourForEdit(leader, id)).values).toMatchObject({
      actor: "The meeting facilitator",
      frequency: "within its first ten minutes",
    });

    expect(await restoreVersion(admin, id, 1, 2)).toBe(3);
    expect((await behaviourForEdit(leader, id)).values.frequency).toBe("within its first five minutes");
    const versions = await listVersions(leader, id);
    expect(versions.map((v) => [v.version, v.changed])).toEqual([
      [3, ["Frequency"]],
      [2, ["Frequency"]],
      [1, []],
    ]);
  });
});

describe("review and activation", () => {
  it("submits only when the automatic video test passes", async () => {
    const { leader, input } = await scenario();
    const vague = await createBehaviour(leader, {
      ...input,
      title: "Vague one",
      action: "is proactive and ensures customers feel heard",
    });
    await expect(submitForReview(leader, vague)).rejects.toThrow(/automatic video test has 3 finding/);
    expect((await behaviourForEdit(leader, vague)).status).toBe("DRAFT");
    const clear = await createBehaviour(leader, input);
    await submitForReview(leader, clear);
    expect((await behaviourForEdit(leader, clear)).status).toBe("IN_REVIEW");
  });

  it("never lets the author approve, nor a member; a FAIL keeps it in review; a PASS by someone else activates it", async () => {
    const { leader, manager, member, admin, input } = await scenario();
    const id = await createBehaviour(leader, input);
    await submitForReview(leader, id);
    await expect(recordVideoTest(leader, pass(id, 1))).rejects.toThrow(/someone else/);
    await expect(recordVideoTest(member, pass(id, 1))).rejects.toBeInstanceOf(ForbiddenError);
    expect(await recordVideoTest(manager, fail(id, 1))).toBe("IN_REVIEW");
    expect(await recordVideoTest(admin, pass(id, 1))).toBe("ACTIVE");
    const tests = await listVideoTests(leader, id);
    expect(tests.map((t) => [t.verdict, t.version])).toEqual([
      ["PASS", 1],
      ["FAIL", 1],
    ]);
    expect(tests[1]!.answers).toEqual({ camera: true, actor: true, moment: false, agreement: true });
    await expect(recordVideoTest(manager, pass(id, 1))).rejects.toBeInstanceOf(RuleError);
  });

  it("refuses a verdict on a version that changed during the review", async () => {
    const { leader, manager, input } = await scenario();
    const id = await createBehaviour(leader, input);
    await submitForReview(leader, id);
    await updateBehaviour(leader, id, 1, { ...input, example: "Lena read a quote from Contoso." });
    await expect(recordVideoTest(manager, pass(id, 1))).rejects.toThrow(/changed while you were reviewing/);
    expect(await recordVideoTest(manager, pass(id, 2))).toBe("ACTIVE");
  });

  // Issue 15, item 10: whoever wrote any of the text awaiting approval cannot approve it.
  it("refuses a leader who edited another author's behaviour while it was in review", async () => {
    const { leader, manager, admin, input } = await scenario();
    const id = await createBehaviour(admin, input);
    await submitForReview(admin, id);
    // The leader rewrites the admin's behaviour in review, then tries to pass their own text.
    await updateBehaviour(leader, id, 1, { ...input, action: "reads two verbatim customer quotes aloud" });
    await expect(recordVideoTest(leader, pass(id, 2))).rejects.toThrow(
      "You edited this behaviour (version 2) since it was last approved: someone who wrote none of it has to run its video test.",
    );
    await expect(recordVideoTest(leader, fail(id, 2))).rejects.toBeInstanceOf(RuleError);
    expect(await listVideoTests(admin, id)).toEqual([]);
    expect((await behaviourForEdit(admin, id)).status).toBe("IN_REVIEW");
    // Someone who wrote none of it can.
    expect(await recordVideoTest(manager, pass(id, 2))).toBe("ACTIVE");
  });

  it("still refuses that leader after a withdraw and re-submit", async () => {
    const { leader, manager, admin, input } = await scenario();
    const id = await createBehaviour(admin, input);
    await submitForReview(admin, id);
    await updateBehaviour(leader, id, 1, { ...input, example: "Lena read a quote from Contoso." });
    await changeStatus(leader, id, "DRAFT");
    await submitForReview(leader, id);
    await expect(recordVideoTest(leader, pass(id, 2))).rejects.toThrow(/You edited this behaviour \(version 2\)/);
    expect(await recordVideoTest(manager, pass(id, 2))).toBe("ACTIVE");
  });

  it("retires an active behaviour, which can then no longer be edited", async () => {
    const { leader, manager, input } = await scenario();
    const id = await createBehaviour(leader, input);
    await submitForReview(leader, id);
    await recordVideoTest(manager, pass(id, 1));
    await changeStatus(leader, id, "RETIRED");
    await expect(updateBehaviour(leader, id, 1, input)).rejects.toThrow(/retired/);
  });

  it("treats another organisation's behaviour as not found everywhere", async () => {
    const a = await scenario();
    const b = await scenario();
    const id = await createBehaviour(b.leader, b.input);
    await submitForReview(b.leader, id);
    const before = await dataCounts();
    await expect(behaviourForEdit(a.leader, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateBehaviour(a.leader, id, 1, a.input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(restoreVersion(a.leader, id, 1, 1)).rejects.toBeInstanceOf(NotFoundError);
    await expect(submitForReview(a.leader, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(recordVideoTest(a.manager, pass(id, 1))).rejects.toBeInstanceOf(NotFoundError);
    await expect(changeStatus(a.leader, id, "DRAFT")).rejects.toBeInstanceOf(NotFoundError);
    expect(await listVideoTests(a.leader, id)).toEqual([]);
    expect(await listVersions(a.leader, id)).toEqual([]);
    expect(await dataCounts()).toEqual(before);
  });

  it("adds values, refusing duplicates", async () => {
    const { leader, member } = await scenario();
    await createValue(leader, { name: "Ownership of customer outcomes", description: "" });
    await expect(
      createValue(leader, { name: "ownership of CUSTOMER outcomes", description: "" }),
    ).rejects.toMatchObject({ field: "name" });
    await expect(createValue(member, { name: "Another", description: "" })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
