import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createBehaviour, editorOptions } from "@/lib/server/data/behaviour-editor";
import { behaviourForEdit } from "@/lib/server/data/behaviour-editor";
import { submitForReview } from "@/lib/server/data/behaviour-review";
import { addVideoTestTerm, listVideoTestTerms, removeVideoTestTerm } from "@/lib/server/data/video-test-terms";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import { VideoTestTermInput } from "@/lib/schemas/video-test-terms";
import type { BehaviourInput } from "@/lib/schemas/behaviour";
import { buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";

// An organisation's own video-test terms (issue 18 §1): admins keep the list, every check reads it.

async function scenario() {
  const s = await buildOrgScenario(db());
  const admin = await contextFor(s.admin.user.id, s.org.id);
  const leader = await contextFor(s.leader.user.id, s.org.id);
  const input: BehaviourInput = {
    title: `Quote opens planning ${s.org.id}`,
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
  return { s, admin, leader, input };
}
const term = (t: string, suggestion = "") => VideoTestTermInput.parse({ term: t, suggestion });

describe("video-test terms", () => {
  it("lets an admin add and remove terms, audited, and refuses a duplicate that differs only in case, hyphens or spaces", async () => {
    const { s, admin } = await scenario();
    const id = await addVideoTestTerm(admin, term("  Customer-obsessed ", "Name the act"));
    const err = await addVideoTestTerm(admin, term("customer   OBSESSED")).catch((e) => e);
    expect(err).toBeInstanceOf(RuleError);
    expect(err.field).toBe("term");
    expect(err.message).toMatch(/already on the list/);
    await expect(addVideoTestTerm(admin, term("- -"))).rejects.toThrow(/at least one letter/);
    await addVideoTestTerm(admin, term("synergy"));
    expect((await listVideoTestTerms(admin)).map((t) => [t.term, t.suggestion, t.addedBy])).toEqual([
      ["Customer-obsessed", "Name the act", s.admin.user.name],
      ["synergy", "", s.admin.user.name],
    ]);
    await removeVideoTestTerm(admin, id);
    expect((await listVideoTestTerms(admin)).map((t) => t.term)).toEqual(["synergy"]);
    const audit = await db().auditEvent.findMany({
      where: { organizationId: s.org.id, action: { startsWith: "video-test-term." } },
      orderBy: { at: "asc" },
      select: { action: true, targetId: true },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "video-test-term.add",
      "video-test-term.add",
      "video-test-term.remove",
    ]);
    expect(audit[0]!.targetId).toBe(id);
  });

  it("is admin-only, and another organisation's term is not found", async () => {
    const a = await scenario();
    const b = await scenario();
    await expect(addVideoTestTerm(a.leader, term("synergy"))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listVideoTestTerms(a.leader)).rejects.toBeInstanceOf(ForbiddenError);
    const foreign = await addVideoTestTerm(b.admin, term("synergy"));
    await expect(removeVideoTestTerm(a.admin, foreign)).rejects.toBeInstanceOf(NotFoundError);
    expect(await listVideoTestTerms(a.admin)).toEqual([]);
    expect((await listVideoTestTerms(b.admin)).map((t) => t.term)).toEqual(["synergy"]);
  });

  it("reaches the editor and the server-side check, for this organisation only", async () => {
    const a = await scenario();
    const b = await scenario();
    await addVideoTestTerm(a.admin, term("verbatim", "Say what is read, and from where."));
    expect((await editorOptions(a.leader)).videoTestTerms).toEqual([
      { term: "verbatim", suggestion: "Say what is read, and from where." },
    ]);
    expect((await editorOptions(b.leader)).videoTestTerms).toEqual([]);
    const mine = await createBehaviour(a.leader, a.input);
    await expect(submitForReview(a.leader, mine)).rejects.toThrow(/automatic video test has 1 finding/);
    expect((await behaviourForEdit(a.leader, mine)).status).toBe("DRAFT");
    const theirs = await createBehaviour(b.leader, b.input);
    await submitForReview(b.leader, theirs);
    expect((await behaviourForEdit(b.leader, theirs)).status).toBe("IN_REVIEW");
  });

  it("keeps one of two admins adding the same term at once", async () => {
    const { admin } = await scenario();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) => addVideoTestTerm(admin, term(i % 2 ? "Client-led" : "client led"))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await listVideoTestTerms(admin)).length).toBe(1);
  });
});
