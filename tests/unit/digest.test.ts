import { describe, expect, it } from "vitest";
import {
  adoptionChanges,
  digestSections,
  managerSections,
  memberSections,
  renderDigestHtml,
  renderDigestText,
  type DigestInput,
  type ManagerFigures,
  type MemberFigures,
} from "@/lib/domain/digest";
import { cueLogPath, describeCueSchedule } from "@/lib/domain/cues";

const NOTHING_MEMBER: MemberFigures = { behaviours: [], recognitions: [], openActions: [] };
const NOTHING_MANAGER: ManagerFigures = {
  adoption: [],
  barriersNeedingDecision: [],
  metricsOffTrack: [],
  coverageGaps: [],
  overdueActions: { count: 0, first: [] },
};
const week = { from: "2026-03-23", to: "2026-03-29" };
const url = (p: string) => `https://conduct.example.com${p}`;

describe("digest sections", () => {
  it("gives nothing to read when there is nothing", () => {
    const input: DigestInput = {
      organisationName: "Northwind",
      recipientName: "Ada",
      week,
      member: NOTHING_MEMBER,
      manager: NOTHING_MANAGER,
    };
    expect(digestSections(input)).toEqual([]);
    // A week where a team logged nothing but zeroes is nothing too.
    expect(
      memberSections({ ...NOTHING_MEMBER, behaviours: [{ title: "Confirm the fix", performed: 0, missed: 0 }] }),
    ).toEqual([]);
  });

  it("shows a member their teams' adoption, recognition and open actions", () => {
    const sections = memberSections({
      behaviours: [
        { title: "Confirm the fix", performed: 12, missed: 3 },
        { title: "Announce the outage", performed: 1, missed: 1 },
      ],
      recognitions: [
        { giverName: "Grace", behaviourTitle: "Confirm the fix", act: "Called back the customer", toTeam: null },
        {
          giverName: "Linus",
          behaviourTitle: "Announce the outage",
          act: "Posted within 5 minutes",
          toTeam: "Support",
        },
      ],
      openActions: [
        { title: "Book the staging slot", dueOn: "2026-03-20", overdue: true },
        { title: "Write the runbook", dueOn: null, overdue: false },
      ],
    });
    expect(sections.map((s) => s.id)).toEqual(["adoption", "recognitions", "my-actions"]);
    expect(sections[0]!.lines).toEqual([
      "Announce the outage: 1 of 2 performed (50%)",
      "Confirm the fix: 12 of 15 performed (80%)",
    ]);
    expect(sections[1]!.lines).toEqual([
      "Grace thanked you for Confirm the fix: “Called back the customer”",
      "Linus thanked Support for Announce the outage: “Posted within 5 minutes”",
    ]);
    expect(sections[2]!.lines).toEqual(["Book the staging slot — overdue since 20 Mar 2026", "Write the runbook"]);
  });

  it("keeps adoption changes of five points or more, largest first, and new or stopped behaviours", () => {
    expect(
      adoptionChanges([
        { title: "Steady", before: 0.5, after: 0.52 },
        { title: "Up", before: 0.4, after: 0.6 },
        { title: "Down", before: 0.9, after: 0.8 },
        { title: "Just five", before: 0.5, after: 0.55 },
        { title: "Rounded", before: 0.555, after: 0.72 },
        { title: "New", before: null, after: 0.75 },
        { title: "Stopped", before: 0.6, after: null },
        { title: "Never", before: null, after: null },
      ]),
    ).toEqual([
      "New: 75% (no observation the week before)",
      "Stopped: not observed last week (60% the week before)",
      "Up: 40% → 60% (+20 points)",
      "Rounded: 56% → 72% (+16 points)",
      "Down: 90% → 80% (-10 points)",
      "Just five: 50% → 55% (+5 points)",
    ]);
  });

  it("shows managers what waits for them, with the overdue count beyond the first few", () => {
    const sections = managerSections({
      ...NOTHING_MANAGER,
      barriersNeedingDecision: [{ title: "No reminder at the moment of closing", priority: 60 }],
      metricsOffTrack: [{ name: "First-contact resolution", reason: "below target" }],
      coverageGaps: [{ teamName: "Billing", behaviourTitle: "Confirm the fix", lastDay: null }],
      overdueActions: { count: 7, first: [{ title: "Book the slot", ownerName: "Ada", dueOn: "2026-03-20" }] },
    });
    expect(sections.map((s) => s.heading)).toEqual([
      "Barriers needing a decision",
      "Metrics off track",
      "Coverage gaps (no observation in 14 days)",
      "Overdue actions (7)",
    ]);
    expect(sections[0]!.lines).toEqual(["No reminder at the moment of closing (priority 60)"]);
    expect(sections[2]!.lines).toEqual(["Billing × Confirm the fix (never observed)"]);
    expect(sections[3]!.lines).toEqual(["Book the slot — Ada, due 20 Mar 2026", "…and 6 more"]);
  });

  it("caps a long section and says how many more", () => {
    const behaviours = Array.from({ length: 11 }, (_, i) => ({
      title: `B${String(i).padStart(2, "0")}`,
      performed: 1,
      missed: 0,
    }));
    const [s] = memberSections({ ...NOTHING_MEMBER, behaviours });
    expect(s!.lines).toHaveLength(9);
    expect(s!.lines.at(-1)).toBe("…and 3 more behaviours");
  });
});

describe("digest rendering", () => {
  const input: DigestInput = {
    organisationName: "Northwind <Support>",
    recipientName: "Ada",
    week,
    member: { ...NOTHING_MEMBER, openActions: [{ title: "<script>alert(1)</script>", dueOn: null, overdue: false }] },
    manager: null,
  };

  it("writes the same sections as text and as escaped HTML, each with its link", () => {
    const sections = digestSections(input);
    const text = renderDigestText(input, sections, url);
    expect(text).toBe(
      [
        "Hello Ada,",
        "",
        "Your week in Northwind <Support>, 23 Mar 2026 – 29 Mar 2026.",
        "",
        "Your open actions",
        "- <script>alert(1)</script>",
        "  https://conduct.example.com/actions?scope=mine",
        "",
      ].join("\n"),
    );
    const html = renderDigestHtml(input, sections, url);
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Northwind &lt;Support&gt;");
    expect(html).not.toContain("<script>");
    expect(html).toContain('<a href="https://conduct.example.com/actions?scope=mine">');
  });
});

describe("cues", () => {
  it("links to the Log pad on the behaviour, with a variant's team", () => {
    expect(cueLogPath("cb1")).toBe("/log?behaviour=cb1");
    expect(cueLogPath("cb1", "ct2")).toBe("/log?behaviour=cb1&team=ct2");
  });

  it("describes its schedule in words", () => {
    expect(describeCueSchedule([1], "09:00")).toBe("Mondays at 09:00");
    expect(describeCueSchedule([4, 1], "08:30")).toBe("Mondays and Thursdays at 08:30");
    expect(describeCueSchedule([1, 3, 5], "08:30")).toBe("Mondays, Wednesdays and Fridays at 08:30");
    expect(describeCueSchedule([1, 2, 3, 4, 5], "09:00")).toBe("Weekdays at 09:00");
    expect(describeCueSchedule([7, 6, 5, 4, 3, 2, 1], "07:00")).toBe("Every day at 07:00");
  });
});

describe("adoption changes in the digest", () => {
  it("orders and counts changes by the rounded points printed beside them", () => {
    // A moved 6.98 points but reads 57% → 63% (+6); B moved 6.02 but reads 56% → 63% (+7): B comes first.
    const lines = adoptionChanges([
      { title: "A", before: 0.5651, after: 0.6349 },
      { title: "B", before: 0.5649, after: 0.6251 },
      // 4.98 points, printed as 57% → 61% (+4): below the five-point line.
      { title: "C", before: 0.5651, after: 0.6149 },
    ]);
    expect(lines).toEqual(["B: 56% → 63% (+7 points)", "A: 57% → 63% (+6 points)"]);
  });
});
