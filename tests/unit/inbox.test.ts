import { describe, expect, it } from "vitest";
import {
  badgeCount,
  barrierEvidence,
  behaviourReviewed,
  calendarChanged,
  invitationAccepted,
  reviewRequested,
} from "@/lib/domain/inbox";

const b = { id: "b1", title: "Greets the customer by name" };

describe("inbox wording", () => {
  it("asks for a video test, pointing at the form", () => {
    expect(reviewRequested(b, "Ada")).toEqual({
      title: "“Greets the customer by name” is waiting for a video test",
      body: "Ada submitted it for review. Watch it as an outsider would and record your verdict.",
      href: "/catalogue/b1#video-test-heading",
    });
  });

  it("gives the verdict with the reviewer's notes", () => {
    expect(behaviourReviewed(b, { verdict: "PASS", reviewer: "Ben", notes: "" }).body).toBe(
      "Ben passed it; it is active and teams can log it now.",
    );
    expect(behaviourReviewed(b, { verdict: "PASS", reviewer: "Ben", notes: " Clear. " }).body).toMatch(
      /Notes: Clear\.$/,
    );
    const failed = behaviourReviewed(b, { verdict: "FAIL", reviewer: "Ben", notes: "Which name?" });
    expect(failed.title).toBe("“Greets the customer by name” did not pass its video test");
    expect(failed.body).toBe("Ben: Which name? Rework it in the editor and submit it again.");
  });

  it("names who joined and how many notes a barrier gathered", () => {
    expect(invitationAccepted({ name: "Nadia", role: "Manager" }).title).toBe("Nadia joined");
    expect(barrierEvidence({ id: "x", title: "No logs" }, 1).body).toMatch(/^1 new note from/);
    expect(barrierEvidence({ id: "x", title: "No logs" }, 12).body).toMatch(/^12 new notes from/);
  });

  it("tells the admin a large organisation's new time zone is in place, and how many day entries kept their date", () => {
    expect(calendarChanged({ timeZone: "Pacific/Auckland", weekStartsOn: "Sunday", moved: 33_335 })).toEqual({
      title: "The time zone is now Pacific/Auckland",
      body: "Days, weeks (starting on Sunday) and the daily figures now follow Pacific/Auckland. 33,335 entries logged for a day kept their date.",
      href: "/settings#calendar-heading",
    });
    expect(calendarChanged({ timeZone: "UTC", weekStartsOn: "Monday", moved: 1 }).body).toMatch(
      /1 entry logged for a day kept/,
    );
  });

  it("counts up to 99 in the header, then says 99+", () => {
    expect(badgeCount(0)).toBeNull();
    expect(badgeCount(7)).toBe("7");
    expect(badgeCount(99)).toBe("99");
    expect(badgeCount(100)).toBe("99+");
  });
});
