import { describe, expect, it } from "vitest";
import {
  decodeActionCursor,
  doneBlockedByBarrier,
  encodeActionCursor,
  isOverdue,
  statusesAfter,
} from "@/lib/domain/actions";
import {
  anchorListProblem,
  anchorListStamp,
  decisionStatus,
  DEFAULT_ANCHOR_QUESTIONS,
  MAX_ANCHOR_QUESTIONS,
  unansweredPositions,
} from "@/lib/domain/decisions";
import { ActionFilter, ActionInput, CloseActionInput, parseActionParams } from "@/lib/schemas/actions";
import { DecisionInput } from "@/lib/schemas/decisions";

describe("overdue actions", () => {
  it("is overdue only when open and past its due day (the due day itself is not late)", () => {
    expect(isOverdue({ status: "OPEN", dueOn: "2026-11-09" }, "2026-11-10")).toBe(true);
    expect(isOverdue({ status: "OPEN", dueOn: "2026-11-10" }, "2026-11-10")).toBe(false);
    expect(isOverdue({ status: "OPEN", dueOn: null }, "2026-11-10")).toBe(false);
    expect(isOverdue({ status: "DONE", dueOn: "2026-01-01" }, "2026-11-10")).toBe(false);
    expect(isOverdue({ status: "DROPPED", dueOn: "2026-01-01" }, "2026-11-10")).toBe(false);
  });
});

describe("the barrier rule", () => {
  it("lets an action about a barrier be done only once the barrier is removed or accepted", () => {
    expect(doneBlockedByBarrier(null)).toBeNull();
    expect(doneBlockedByBarrier({ status: "REMOVED" })).toBeNull();
    expect(doneBlockedByBarrier({ status: "ACCEPTED" })).toBeNull();
    for (const status of ["IDENTIFIED", "INTERVENTION_PLANNED", "IN_PROGRESS"])
      expect(doneBlockedByBarrier({ status })).toMatch(/marked removed .*before\/after evidence.* or accepted/);
  });
});

describe("the actions list's keyset cursor", () => {
  it("round-trips, with and without a due day, and refuses anything else", () => {
    for (const c of [
      { status: "OPEN" as const, dueOn: "2026-11-01", id: "clx0abc" },
      { status: "DROPPED" as const, dueOn: null, id: "clx0abd" },
    ])
      expect(decodeActionCursor(encodeActionCursor(c))).toEqual(c);
    for (const bad of ["", "OPEN_2026-11-01", "LATE_none_abc", "OPEN_2026-1-01_abc", "OPEN_none_a'b", "OPEN_none_"])
      expect(decodeActionCursor(bad), bad).toBeNull();
  });

  it("lists statuses in the database's enum order: open, done, dropped", () => {
    expect(statusesAfter("OPEN")).toEqual(["DONE", "DROPPED"]);
    expect(statusesAfter("DONE")).toEqual(["DROPPED"]);
    expect(statusesAfter("DROPPED")).toEqual([]);
  });

  it("reads the URL: My actions by default, a malformed cursor or filter is no filter", () => {
    expect(parseActionParams({})).toEqual({ filter: { scope: "mine", overdue: false }, cursor: undefined });
    expect(parseActionParams({ scope: "everyone", status: "LATE", overdue: "yes", cursor: "x" })).toEqual({
      filter: { scope: "mine", overdue: false },
      cursor: undefined,
    });
    expect(ActionFilter.parse({ scope: "team", team: "abc", status: "DONE", overdue: "1" })).toEqual({
      scope: "team",
      team: "abc",
      status: "DONE",
      overdue: true,
    });
  });
});

describe("action forms", () => {
  const base = { title: "Ask for a staging slot", ownerId: "abc", detail: "" };
  it("turns empty links and an empty due day into none, and allows a past due day", () => {
    expect(ActionInput.parse({ ...base, dueOn: "", teamId: "", occurrenceId: "" })).toMatchObject({
      dueOn: null,
      teamId: null,
      behaviourId: null,
      occurrenceId: null,
    });
    expect(ActionInput.parse({ ...base, dueOn: "2026-01-05" }).dueOn).toBe("2026-01-05");
    expect(ActionInput.safeParse({ ...base, dueOn: "2026-02-30" }).success).toBe(false);
  });

  it("needs a reason to drop, beside the reason field, and none to mark done", () => {
    const dropped = CloseActionInput.safeParse({ id: "abc", version: "1", status: "DROPPED", reason: "  " });
    expect(dropped.error?.issues.map((i) => [i.path, i.message])).toEqual([
      [["reason"], "Say why the action is dropped."],
    ]);
    expect(CloseActionInput.parse({ id: "abc", version: "1", status: "DONE" }).reason).toBe("");
  });
});

describe("decisions", () => {
  it("is decided only when every answer has text", () => {
    expect(decisionStatus(["a", "b"])).toBe("DECIDED");
    expect(decisionStatus(["a", " "])).toBe("DRAFT");
    expect(decisionStatus([])).toBe("DRAFT");
    expect(unansweredPositions(["a", "", "c", "\n"])).toEqual([1, 3]);
  });

  it("pairs each question with one answer", () => {
    const r = DecisionInput.safeParse({ title: "Do it", questions: ["Q1?", "Q2?"], answers: ["a"] });
    expect(r.error?.issues.map((i) => i.path)).toEqual([["answers"]]);
  });
});

describe("the anchor question list", () => {
  it("keeps at least one question, at most ten, none twice", () => {
    expect(anchorListProblem([...DEFAULT_ANCHOR_QUESTIONS])).toBeNull();
    expect(anchorListProblem([])).toMatch(/at least one/);
    expect(anchorListProblem(Array.from({ length: MAX_ANCHOR_QUESTIONS + 1 }, (_, i) => `Question ${i}?`))).toMatch(
      /at most 10/,
    );
    expect(anchorListProblem(["Who gains?", "who  GAINS?"])).toMatch(/twice/);
  });

  it("stamps the list so that a reorder, a reword or an addition changes it", () => {
    const list = [
      { id: "a1", text: "Who gains?" },
      { id: "a2", text: "Who pays?" },
    ];
    const stamp = anchorListStamp(list);
    expect(stamp).toMatch(/^[0-9a-f]{8}$/);
    expect(anchorListStamp([...list])).toBe(stamp);
    expect(anchorListStamp([list[1]!, list[0]!])).not.toBe(stamp);
    expect(anchorListStamp([list[0]!, { id: "a2", text: "Who pays for it?" }])).not.toBe(stamp);
    expect(anchorListStamp([...list, { id: null, text: "New?" }])).not.toBe(stamp);
    // The defaults (no rows yet) stamp differently from the same texts saved as rows.
    expect(anchorListStamp(list.map((q) => ({ ...q, id: null })))).not.toBe(stamp);
  });
});
