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
  it("writes what it reads", () => {
    const rows = [
      {
        date: "2026-11-20",
        team: "Payments",
        behaviour: "Root cause, 24 h",
        performed: 2,
        missed: 0,
        note: "=not a formula",
      },
    ];
    const { rows: back } = readObservationCsv(observationsToCsv(rows), "2026-11-22");
    expect(back.map(({ line: _l, errors, ...r }) => ({ ...r, errors }))).toEqual([{ ...rows[0], errors: [] }]);
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
