import { describe, expect, it } from "vitest";
import { MAX_READING_ROWS, readingsToCsv, readReadingCsv } from "@/lib/domain/metric-csv";

const TODAY = "2026-11-22";

describe("metric readings CSV", () => {
  it("reads good rows, organisation-wide when the team is empty", () => {
    const text = [
      "date,metric,team,value",
      "2026-11-20,Customer retention,,93.4",
      "2026-11-21,Time to resolution,Payments,-2",
      "2026-11-22, NPS ,Reporting,+41.",
      "2026-11-01,Churn,,.5",
    ].join("\n");
    const { rows, fileError } = readReadingCsv(text, TODAY);
    expect(fileError).toBeUndefined();
    expect(rows).toEqual([
      { line: 2, date: "2026-11-20", metric: "Customer retention", team: "", value: 93.4, errors: [] },
      { line: 3, date: "2026-11-21", metric: "Time to resolution", team: "Payments", value: -2, errors: [] },
      { line: 4, date: "2026-11-22", metric: "NPS", team: "Reporting", value: 41, errors: [] },
      { line: 5, date: "2026-11-01", metric: "Churn", team: "", value: 0.5, errors: [] },
    ]);
  });

  it("reports every problem of a row, and refuses a decimal comma with the fix", () => {
    const text = [
      "Date,Metric,Team,Value",
      '2026-11-20,Retention,,"12,5"',
      "2026-02-30,Retention,,1",
      "2026-11-23,,,1",
      "20/11/2026,Retention,,abc",
      "2026-11-19,Retention,,",
      "2026-11-18,Retention,,1e13",
    ].join("\r\n");
    expect(readReadingCsv(text, TODAY).rows.map((r) => [r.line, r.value, r.errors])).toEqual([
      [2, null, ["Write decimals with a point: 12.5, not 12,5."]],
      [3, 1, ["Date must be a real date written YYYY-MM-DD."]],
      [4, 1, ["Date is in the future.", "Metric is missing."]],
      [
        5,
        null,
        ["Date must be a real date written YYYY-MM-DD.", "Value must be a number written like 12.5 (got “abc”)."],
      ],
      [6, null, ["Value is missing."]],
      [7, null, ["Value is too large."]],
    ]);
  });

  it("flags a second row for the same metric, team and day (names compared case-insensitively)", () => {
    const text =
      "date,metric,team,value\n2026-11-20,Retention,,1\n2026-11-20,retention,,2\n2026-11-20,Retention,Payments,3\n2026-11-21,Retention,,4";
    expect(readReadingCsv(text, TODAY).rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [3, ["Same metric, team and date as line 2."]],
      [4, []],
      [5, []],
    ]);
  });

  it("takes the team column as optional and explains a file with missing columns", () => {
    expect(readReadingCsv("date,metric,value\n2026-11-20,Retention,5", TODAY).rows[0]).toMatchObject({
      team: "",
      value: 5,
      errors: [],
    });
    expect(readReadingCsv("date,team\n2026-01-01,x", TODAY).fileError).toBe(
      "The CSV is missing the column(s): metric, value. Expected: date,metric,team,value.",
    );
    expect(readReadingCsv("", TODAY).fileError).toBe("The file is empty.");
    expect(readReadingCsv('date,metric,team,value\n2026-11-20,"Retention,,1', TODAY).fileError).toMatch(
      /quoted cell is not closed/,
    );
  });

  it("refuses more than the maximum number of rows", () => {
    const text = [
      "date,metric,team,value",
      ...Array.from({ length: MAX_READING_ROWS + 1 }, () => "2026-11-20,Retention,,1"),
    ].join("\n");
    expect(readReadingCsv(text, TODAY).fileError).toBe(
      `At most ${MAX_READING_ROWS} rows per import; this file has ${MAX_READING_ROWS + 1}.`,
    );
  });

  it("points errors at the file line, past a blank line and a name spanning two lines", () => {
    const text = 'date,metric,team,value\n2026-11-20,"Two\nlines",,1\n\n2026-11-20,Retention,,x';
    expect(readReadingCsv(text, TODAY).rows.map((r) => [r.line, r.errors.length])).toEqual([
      [2, 0],
      [5, 1],
    ]);
  });

  it("writes what it reads: negative and tiny numbers, commas, quotes and apostrophes", () => {
    const rows = [
      { date: "2026-11-20", metric: "Time to resolution", team: "", value: -3.25 },
      { date: "2026-11-21", metric: 'Retention, "net"', team: "Payments", value: 0.0000001 },
      { date: "2026-11-21", metric: "'Quoted' score", team: "Team's own", value: -20 },
      { date: "2026-11-22", metric: "Churn", team: "", value: 1e12 },
    ];
    const text = readingsToCsv(rows);
    // A number is never neutralised: a spreadsheet reads -3.25 as a number.
    expect(text.split("\r\n")[1]).toBe("2026-11-20,Time to resolution,,-3.25");
    expect(text.split("\r\n")[3]).toBe("2026-11-21,'Quoted' score,Team's own,-20");
    expect(readReadingCsv(text, TODAY).rows.map(({ line: _l, errors, ...r }) => ({ ...r, errors }))).toEqual(
      rows.map((r) => ({ ...r, errors: [] })),
    );
  });

  it("neutralises a formula-like name on export, and reads it back as written, apostrophe included", () => {
    const text = readingsToCsv([{ date: "2026-11-20", metric: "=HYPERLINK(x)", team: "-ops", value: -1 }]);
    expect(text.split("\r\n")[1]).toBe("2026-11-20,'=HYPERLINK(x),'-ops,-1");
    expect(readReadingCsv(text, TODAY).rows[0]).toMatchObject({ metric: "'=HYPERLINK(x)", team: "'-ops", value: -1 });
  });

  it("reads a value with a leading apostrophe as the text it is, not as a number", () => {
    expect(readReadingCsv("date,metric,team,value\n2026-11-20,'-- none --,,'-20", TODAY).rows[0]).toMatchObject({
      metric: "'-- none --",
      value: null,
      errors: ["Value must be a number written like 12.5 (got “'-20”)."],
    });
  });

  it("reports a quote out of place, cells past the header and a column named twice", () => {
    const text = 'date,metric,team,value\n2026-11-20, "Retention",,1\n2026-11-20,Retention,,1,5\n2026-11-21,Churn,,2';
    expect(readReadingCsv(text, TODAY).rows.map((r) => [r.line, r.errors.map((e) => e.slice(0, 20))])).toEqual([
      [2, ["Cell 2 has a quote ("]],
      [3, ["This row has 5 cells"]],
      [4, []],
    ]);
    expect(readReadingCsv("date,metric,value,Value\n2026-11-20,Retention,1,2", TODAY).fileError).toBe(
      "The column “Value” appears more than once in the header.",
    );
  });
});
