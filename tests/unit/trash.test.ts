import { describe, expect, it } from "vitest";
import { canRestore, RESTORE_DAYS, restoreDeadline } from "@/lib/domain/trash";

describe("restore window", () => {
  it("is 30 days to the millisecond after deletion", () => {
    const deleted = new Date("2026-02-10T09:30:00Z");
    expect(RESTORE_DAYS).toBe(30);
    expect(restoreDeadline(deleted).toISOString()).toBe("2026-03-12T09:30:00.000Z");
    expect(canRestore(deleted, new Date("2026-03-12T09:29:59.999Z"))).toBe(true);
    expect(canRestore(deleted, new Date("2026-03-12T09:30:00.000Z"))).toBe(false);
  });
});
