import { describe, expect, it } from "vitest";
import { attemptLabel, decodeJobCursor, encodeJobCursor, isJobFilter, jobError } from "@/lib/domain/jobs";
import { QUEUES, backoffSeconds } from "@/lib/server/jobs/queues";

describe("background jobs as admins read them", () => {
  it("keeps the first line of an error and never a stack trace", () => {
    expect(jobError({ message: "connect ECONNREFUSED 127.0.0.1:25\n    at TCPConnectWrap" })).toBe(
      "connect ECONNREFUSED 127.0.0.1:25",
    );
    expect(jobError({ value: { message: "job failed by timeout in active state" } })).toBe(
      "job failed by timeout in active state",
    );
    expect(jobError({ stack: "Error: x\n at y" })).toBeNull();
    expect(jobError(null)).toBeNull();
    expect(jobError("x".repeat(900))).toHaveLength(500);
  });

  it("counts attempts as people do", () => {
    expect(attemptLabel(0, 6, "created")).toBe("1 of 7");
    expect(attemptLabel(2, 6, "retry")).toBe("3 of 7");
    expect(attemptLabel(6, 6, "failed")).toBe("7 of 7");
  });

  it("round-trips its cursor and refuses anything else", () => {
    const at = new Date("2026-03-29T01:30:00.000Z");
    const id = "0b6f8f6e-2c1a-4f5e-9a51-1d2c3b4a5f60";
    expect(decodeJobCursor(encodeJobCursor(at, id))).toEqual({ createdOn: at, id });
    expect(decodeJobCursor("2026-03-29T01:30:00.000Z_'; DROP TABLE")).toBeNull();
    expect(isJobFilter("failed")).toBe(true);
    expect(isJobFilter("constructor")).toBe(false);
  });

  it("doubles each wait between attempts", () => {
    expect([1, 2, 3, 4].map((n) => backoffSeconds(QUEUES["mail.send"], n))).toEqual([30, 60, 120, 240]);
  });
});
