import { describe, expect, it } from "vitest";
import { catalogueToCsv, readCatalogueFile, type TransferBehaviour } from "@/lib/domain/catalogue-transfer";

const behaviour = (over: Partial<TransferBehaviour> = {}): TransferBehaviour => ({
  value: "Ownership",
  title: "Post the root cause",
  actor: "The engineer on call",
  action: "posts the root cause on the ticket",
  trigger: "when an incident is closed",
  frequency: "every incident",
  completionCriterion: "a root-cause note is on the ticket",
  customerOutcome: "customers hear what went wrong",
  example: "Ticket 24: the cache expired early.",
  anchors: ["Is the cause named?", "Is it on the ticket?"],
  ownerEmail: "grace@example.com",
  status: "ACTIVE",
  ...over,
});
const doc = (behaviours: TransferBehaviour[]) => ({
  format: "conduct-catalogue" as const,
  version: 1 as const,
  values: [{ name: "Ownership", description: "" }],
  behaviours,
});
const imported = ({ status: _s, ...b }: TransferBehaviour) => b;

describe("catalogue CSV", () => {
  it("reads back what it exports: commas, quotes, apostrophes, line breaks and anchors", () => {
    const behaviours = [
      behaviour(),
      behaviour({
        title: 'The "five whys", written down',
        actor: "The team's lead",
        action: "writes '-- none --' when there is no cause",
        example: "First line,\nsecond line",
        anchors: ["Why, first?", 'Is "why" asked five times?'],
        ownerEmail: "",
      }),
    ];
    const { rows, fileError } = readCatalogueFile(catalogueToCsv(doc(behaviours)));
    expect(fileError).toBeUndefined();
    expect(rows.map((r) => r.errors)).toEqual([[], []]);
    expect(rows.map((r) => r.behaviour)).toEqual(behaviours.map(imported));
  });

  it("gives each row the line it starts on, after the line breaks of the rows before it", () => {
    // Header 1; the first behaviour's example spans lines 2–3, its anchors 3–4; the second starts on 5.
    const text = catalogueToCsv(doc([behaviour({ example: "One\ntwo" }), behaviour({ title: "X" })]));
    expect(readCatalogueFile(text).rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [5, ["Title needs at least 3 characters."]],
    ]);
  });

  it("neutralises a formula-like field on export, and reads it back as written", () => {
    const text = catalogueToCsv(doc([behaviour({ title: "=HYPERLINK(x)", anchors: ["-1 or more?"] })]));
    expect(text).toContain(",'=HYPERLINK(x),");
    expect(readCatalogueFile(text).rows[0]!.behaviour).toMatchObject({
      title: "'=HYPERLINK(x)",
      // The anchors are one cell, neutralised as a whole: the apostrophe stays on the first anchor.
      anchors: ["'-1 or more?"],
    });
  });

  it("reports a space before a quote and cells past the header on their rows, a column named twice for the file", () => {
    const lines = catalogueToCsv(doc([behaviour({ anchors: [] }), behaviour({ title: "Second", anchors: [] })]))
      .trimEnd()
      .split("\r\n");
    const spaced = lines[1]!.replace(",Post the root cause,", ', "Post the root cause",');
    const text = [lines[0], spaced, `${lines[2]},extra`].join("\n");
    expect(readCatalogueFile(text).rows.map((r) => [r.line, r.errors.map((e) => e.slice(0, 20))])).toEqual([
      [2, ["Cell 2 has a quote ("]],
      [3, ["This row has 13 cell"]],
    ]);
    expect(readCatalogueFile(`${lines[0]},Title\n${lines[1]}`).fileError).toBe(
      "The column “Title” appears more than once in the header.",
    );
  });
});
