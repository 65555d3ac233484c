import { describe, expect, it } from "vitest";
import { adoptionChanges, agendaMarkdown } from "@/lib/domain/agenda";

const counts = (entries: [string, number, number][]) =>
  new Map(entries.map(([k, performed, missed]) => [k, { performed, missed }]));

describe("adoption changes over a meeting's period", () => {
  it("compares each behaviour with the period before, rises and falls apart, biggest first", () => {
    const before = counts([
      ["a", 5, 5],
      ["b", 8, 2],
      ["c", 3, 7],
      ["d", 5, 5],
    ]);
    const after = counts([
      ["a", 9, 1], // 50% → 90%
      ["b", 4, 6], // 80% → 40%
      ["c", 4, 6], // 30% → 40%
      ["d", 5, 5], // no change
    ]);
    const { rises, falls } = adoptionChanges(before, after);
    expect(rises.map((r) => [r.key, r.changePts])).toEqual([
      ["a", 40],
      ["c", 10],
    ]);
    expect(falls.map((r) => [r.key, r.changePts])).toEqual([["b", -40]]);
    expect(rises[0]).toMatchObject({ before: 0.5, after: 0.9, opportunities: 10 });
  });

  it("leaves out a behaviour with fewer than 5 opportunities on either side, or none before", () => {
    const { rises, falls } = adoptionChanges(
      counts([
        ["few", 1, 3],
        ["ok", 1, 4],
      ]),
      counts([
        ["few", 10, 0],
        ["ok", 4, 0],
        ["new", 9, 1],
      ]),
    );
    expect([...rises, ...falls]).toEqual([]);
  });
});

describe("the agenda as Markdown", () => {
  const agenda = {
    title: "Support *retro*",
    date: "2026-11-27",
    periodStart: "2026-11-14",
    scope: "Support",
    facilitator: "Marcus",
    decisions: [],
    actions: ["Ask the mobile team [today]"],
  };

  it("numbers the items in order, says what a section found nothing for, and quotes the notes", () => {
    const text = agendaMarkdown({
      ...agenda,
      items: [
        { section: "CARRIED_ACTIONS", title: "Open actions", prompt: "", notes: "", lines: [] },
        {
          section: "PROMPT",
          title: "Impact",
          prompt: "Which deliverables helped?",
          notes: "- the export\n# fix",
          lines: [],
        },
      ],
    });
    expect(text.split("\n")).toEqual([
      "# Support \\*retro\\*: 27 Nov 2026",
      "",
      "Support · facilitated by Marcus · covers 14 Nov 2026 to 27 Nov 2026",
      "",
      "## 1. Open actions",
      "",
      "Nothing for carried-forward actions in this period.",
      "",
      "## 2. Impact",
      "",
      "_Which deliverables helped?_",
      "",
      "> \\- the export",
      "> \\# fix",
      "",
      "## Decisions",
      "",
      "None recorded.",
      "",
      "## Actions",
      "",
      "- Ask the mobile team \\[today\\]",
      "",
    ]);
  });
});
