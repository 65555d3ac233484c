import { describe, expect, it } from "vitest";
import { observationsToCsv, readObservationCsv } from "@/lib/domain/observation-csv";

describe("observation CSV", () => {
  it("reads good rows and reports every problem per row", () => {
    const text = [
      "date,team,behaviour,performed,missed,note",
      "2026-11-20,Payments,Root cause,4,1,sprint review",
      "2026-02-30,Payments,Root cause,1,0,",
      "2026-11-23,,Root cause,1,0,",
      "2026-11-20,Payments,,-1,x,",
      "2026-11-20,Payments,Root cause,0,0,",
    ].join("\n");
    const { rows, fileError } = readObservationCsv(text, "2026-11-22");
    expect(fileError).toBeUndefined();
    expect(rows[0]).toEqual({
      line: 2,
      date: "2026-11-20",
      team: "Payments",
      behaviour: "Root cause",
      performed: 4,
      missed: 1,
      note: "sprint review",
      errors: [],
    });
    expect(rows.slice(1).map((r) => [r.line, r.errors])).toEqual([
      [3, ["Date must be a real date written YYYY-MM-DD."]],
      [4, ["Date is in the future.", "Team is missing."]],
      [5, ["Behaviour is missing.", "Performed and missed must be whole numbers from 0 to 9999."]],
      [6, ["A row needs at least one opportunity (performed + missed)."]],
    ]);
  });
  it("explains a file with missing columns", () => {
    expect(readObservationCsv("date,team\n2026-01-01,x", "2026-11-22").fileError).toMatch(
      /missing the column\(s\): behaviour, performed, missed/,
    );
    expect(readObservationCsv("", "2026-11-22").fileError).toBe("The file is empty.");
  });
  it("writes what it reads: commas, quotes, line breaks and apostrophes", () => {
    const rows = [
      {
        date: "2026-11-20",
        team: "Payments",
        behaviour: "Root cause, 24 h",
        performed: 2,
        missed: 0,
        note: 'She said "done"\nthen left',
      },
      { date: "2026-11-21", team: "Team's own", behaviour: "Root cause", performed: 0, missed: 3, note: "'-- none --" },
    ];
    const { rows: back } = readObservationCsv(observationsToCsv(rows), "2026-11-22");
    expect(back.map(({ line: _l, errors, ...r }) => ({ ...r, errors }))).toEqual(
      rows.map((r) => ({ ...r, errors: [] })),
    );
  });
  it("neutralises a formula-like note on export, and reads it back as written", () => {
    const text = observationsToCsv([
      {
        date: "2026-11-20",
        team: "Payments",
        behaviour: "Root cause",
        performed: 2,
        missed: 0,
        note: "=not a formula",
      },
    ]);
    expect(text.split("\r\n")[1]).toBe("2026-11-20,Payments,Root cause,2,0,'=not a formula");
    expect(readObservationCsv(text, "2026-11-22").rows[0]).toMatchObject({ note: "'=not a formula", errors: [] });
  });
  it("keeps a note with a leading apostrophe exactly as it is", () => {
    const text = "date,team,behaviour,performed,missed,note\n2026-11-20,Payments,B,1,0,'-- none --";
    expect(readObservationCsv(text, "2026-11-22").rows[0]!.note).toBe("'-- none --");
  });
  it("reports an unquoted comma in a note, a space before a quote, and a column named twice", () => {
    const text = [
      "date,team,behaviour,performed,missed,note",
      "2026-11-20,Payments,B,1,0,Met, then left",
      '2026-11-20,Payments, "B",1,0,',
      "2026-11-20,Payments,B,1,0,fine",
    ].join("\n");
    expect(readObservationCsv(text, "2026-11-22").rows.map((r) => [r.line, r.errors])).toEqual([
      [
        2,
        [
          "This row has 7 cells but the header has 6: put a cell that contains a comma in quotes, or remove the extra cells.",
        ],
      ],
      [
        3,
        [
          'Cell 3 has a quote (") out of place: a quoted cell starts with the quote, with nothing before it (not even a space), and a quote inside a cell is written twice ("").',
        ],
      ],
      [4, []],
    ]);
    expect(readObservationCsv("date,team,behaviour,performed,missed,Team\n", "2026-11-22").fileError).toBe(
      "The column “Team” appears more than once in the header.",
    );
  });
  it("points errors at the file line, past a blank line and a note spanning two lines", () => {
    const text =
      'date,team,behaviour,performed,missed,note\n2026-11-20,Payments,B,1,0,"two\nlines"\n\n2026-11-20,,B,1,0,';
    expect(readObservationCsv(text, "2026-11-22").rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [5, ["Team is missing."]],
    ]);
  });
});
