import { describe, expect, it } from "vitest";
import { needsTouch, SESSION_ABSOLUTE_MS, SESSION_IDLE_MS, sessionState } from "@/lib/domain/sessions";

const T0 = new Date("2026-11-23T08:00:00Z");
const after = (ms: number) => new Date(T0.getTime() + ms);
const H = 3600_000;

describe("session lifetime", () => {
  it("ends after 12 hours idle, measured from the last request", () => {
    expect(SESSION_IDLE_MS).toBe(12 * H);
    expect(sessionState({ createdAt: T0, lastSeenAt: T0 }, after(12 * H - 1))).toBe("active");
    expect(sessionState({ createdAt: T0, lastSeenAt: T0 }, after(12 * H))).toBe("idle");
    // Used 11 h in: the idle clock restarts.
    expect(sessionState({ createdAt: T0, lastSeenAt: after(11 * H) }, after(22 * H))).toBe("active");
  });
  it("ends 7 days after sign-in even when used all the time", () => {
    expect(SESSION_ABSOLUTE_MS).toBe(7 * 24 * H);
    expect(sessionState({ createdAt: T0, lastSeenAt: after(7 * 24 * H - 60_000) }, after(7 * 24 * H - 1))).toBe(
      "active",
    );
    expect(sessionState({ createdAt: T0, lastSeenAt: after(7 * 24 * H - 60_000) }, after(7 * 24 * H))).toBe("expired");
  });
  it("records activity at most once a minute", () => {
    expect(needsTouch(T0, after(59_999))).toBe(false);
    expect(needsTouch(T0, after(60_000))).toBe(true);
  });
});
