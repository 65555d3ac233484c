import { describe, expect, it } from "vitest";
import { MAX_SURVEY_ROWS, readSurveyCsv, surveyCsvHeader } from "@/lib/domain/survey-csv";
import type { SurveyShape } from "@/lib/domain/surveys";

const SCREEN = "Did you post the root cause every time?";
const TOOLS = "Is it difficult to get the tools you need?";
const HARDER = "What makes it harder?";

const shape: SurveyShape = {
  questions: [
    {
      id: "s",
      text: SCREEN,
      kind: "SCREENING",
      determinant: null,
      multiple: false,
      options: [
        { id: "s-yes", label: "Yes", classifies: "DOER" },
        { id: "s-no", label: "No", classifies: "NON_DOER" },
        { id: "s-never", label: "Never due", classifies: "EXCLUDED" },
      ],
    },
    {
      id: "t",
      text: TOOLS,
      kind: "DETERMINANT",
      determinant: "ACCESS",
      multiple: false,
      options: [
        { id: "t-yes", label: "Yes", classifies: null },
        { id: "t-no", label: "No", classifies: null },
      ],
    },
    {
      id: "h",
      text: HARDER,
      kind: "DETERMINANT",
      determinant: "POLICY",
      multiple: true,
      options: [
        { id: "h-time", label: "Time", classifies: null },
        { id: "h-tools", label: "Tools", classifies: null },
        { id: "h-rules", label: "Rules", classifies: null },
      ],
    },
  ],
};

const HEADER = `respondent,group,${SCREEN},${TOOLS},${HARDER}`;
const csv = (...lines: string[]) => [HEADER, ...lines].join("\n");

describe("survey CSV: good rows", () => {
  it("reads an explicit group and the chosen options", () => {
    const { rows, fileError } = readSurveyCsv(csv("r1,doer,Yes,No,Time;Tools"), shape);
    expect(fileError).toBeUndefined();
    expect(rows).toEqual([
      { line: 2, respondent: "r1", group: "DOER", optionIds: ["s-yes", "t-no", "h-time", "h-tools"], errors: [] },
    ]);
  });
  it("takes the group from the screening answers when the group cell is empty", () => {
    const { rows } = readSurveyCsv(csv("r1,,Yes,,", "r2,,No,Yes,", "r3,,Never due,,"), shape);
    expect(rows.map((r) => [r.respondent, r.group, r.errors])).toEqual([
      ["r1", "DOER", []],
      ["r2", "NON_DOER", []],
      ["r3", "EXCLUDED", []],
    ]);
  });
  it("lets an explicit group win over the screening answer", () => {
    const { rows } = readSurveyCsv(csv("r1,excluded,Yes,,"), shape);
    expect(rows[0]!.group).toBe("EXCLUDED");
    expect(rows[0]!.optionIds).toEqual(["s-yes"]);
  });
  it("accepts every spelling of non-doer and any case", () => {
    const { rows } = readSurveyCsv(
      csv("a,non-doer,,,", "b,nondoer,,,", "c,Non Doer,,,", "d,NON-DOER,,,", "e,  Doer ,,,", "f,Excluded,,,"),
      shape,
    );
    expect(rows.map((r) => [r.respondent, r.group, r.errors])).toEqual([
      ["a", "NON_DOER", []],
      ["b", "NON_DOER", []],
      ["c", "NON_DOER", []],
      ["d", "NON_DOER", []],
      ["e", "DOER", []],
      ["f", "EXCLUDED", []],
    ]);
  });
  it("matches headers and response labels regardless of case and extra whitespace", () => {
    const text = [
      " Respondent , GROUP ,did you  POST the root cause   every time?, IS IT DIFFICULT TO GET THE TOOLS YOU NEED? ,what makes it harder?",
      "  r1  ,,  yes ,  YES  , rules ;  TIME ",
      "r2,,never   due,no,",
    ].join("\r\n");
    const { rows, fileError } = readSurveyCsv(text, shape);
    expect(fileError).toBeUndefined();
    expect(rows).toEqual([
      { line: 2, respondent: "r1", group: "DOER", optionIds: ["s-yes", "t-yes", "h-rules", "h-time"], errors: [] },
      { line: 3, respondent: "r2", group: "EXCLUDED", optionIds: ["s-never", "t-no"], errors: [] },
    ]);
  });
  it("treats an empty cell as no answer and ignores empty parts between semicolons", () => {
    const { rows } = readSurveyCsv(csv("r1,doer,,,", "r2,doer,,,;Tools;;"), shape);
    expect(rows.map((r) => [r.optionIds, r.errors])).toEqual([
      [[], []],
      [["h-tools"], []],
    ]);
  });
  it("needs only the respondent and group columns; question columns are optional", () => {
    const { rows, fileError } = readSurveyCsv(`respondent,group,${TOOLS}\nr1,doer,Yes`, shape);
    expect(fileError).toBeUndefined();
    expect(rows).toEqual([{ line: 2, respondent: "r1", group: "DOER", optionIds: ["t-yes"], errors: [] }]);
  });
  it("reads quoted cells", () => {
    const { rows } = readSurveyCsv(csv('"r1",doer,Yes,No,"Time; Rules"'), shape);
    expect(rows[0]!.optionIds).toEqual(["s-yes", "t-no", "h-time", "h-rules"]);
    expect(rows[0]!.errors).toEqual([]);
  });
  it("reads a header-only file as no rows", () => {
    expect(readSurveyCsv(HEADER, shape)).toEqual({ rows: [] });
  });
});

describe("survey CSV: row errors", () => {
  it("reports an unknown response and keeps the known ones", () => {
    const { rows } = readSurveyCsv(csv("r1,doer,Yes,Maybe,Time;Money"), shape);
    expect(rows[0]!.optionIds).toEqual(["s-yes", "h-time"]);
    expect(rows[0]!.errors).toEqual([
      `Unknown response "Maybe" to "${TOOLS}".`,
      `Unknown response "Money" to "${HARDER}".`,
    ]);
  });
  it("refuses two responses to a single-choice question", () => {
    const { rows } = readSurveyCsv(csv("r1,doer,Yes,Yes;No,"), shape);
    expect(rows[0]!.errors).toEqual([`"${TOOLS}" takes one response; this row has 2.`]);
  });
  it("refuses two screening answers too", () => {
    const { rows } = readSurveyCsv(csv("r1,doer,Yes;No,,"), shape);
    expect(rows[0]!.errors).toEqual([`"${SCREEN}" takes one response; this row has 2.`]);
  });
  it("refuses a group that is not doer, non-doer or excluded", () => {
    const { rows } = readSurveyCsv(csv("r1,Sometimes,Yes,,"), shape);
    expect(rows[0]!.group).toBeNull();
    expect(rows[0]!.errors).toEqual([
      'Group must be doer, non-doer or excluded (or empty to use the screening answers), not "Sometimes".',
    ]);
  });
  it("refuses a row with no group and no screening answer", () => {
    const { rows } = readSurveyCsv(csv("r1,,,No,Time"), shape);
    expect(rows[0]!.group).toBeNull();
    expect(rows[0]!.errors).toEqual(["No group: give doer, non-doer or excluded, or answer every screening question."]);
  });
  it("refuses a screening answer that is not an option, and then has no group", () => {
    const { rows } = readSurveyCsv(csv("r1,,Sometimes,,"), shape);
    expect(rows[0]!.errors).toEqual([
      `Unknown response "Sometimes" to "${SCREEN}".`,
      "No group: give doer, non-doer or excluded, or answer every screening question.",
    ]);
  });
  it("refuses a missing respondent", () => {
    const { rows } = readSurveyCsv(csv("  ,doer,Yes,,"), shape);
    expect(rows[0]!.respondent).toBe("");
    expect(rows[0]!.errors).toEqual(["Respondent is missing."]);
  });
  it("refuses a respondent longer than 80 characters", () => {
    const { rows } = readSurveyCsv(csv(`${"x".repeat(80)},doer,,,`, `${"y".repeat(81)},doer,,,`), shape);
    expect(rows.map((r) => r.errors)).toEqual([[], ["Respondent is longer than 80 characters."]]);
  });
  it("refuses a respondent that appears twice, ignoring case", () => {
    const { rows } = readSurveyCsv(csv("Ana,doer,,,", "Ben,doer,,,", "ANA,non-doer,,,", "ana,doer,,,"), shape);
    expect(rows.map((r) => [r.line, r.errors])).toEqual([
      [2, []],
      [3, []],
      [4, ['Respondent "ANA" appears more than once.']],
      [5, ['Respondent "ana" appears more than once.']],
    ]);
  });
  it("lists every problem of a row in order: respondent, responses, group", () => {
    const { rows } = readSurveyCsv(csv(",maybe,Yes,Yes;No,Money"), shape);
    expect(rows[0]!.errors).toEqual([
      "Respondent is missing.",
      `"${TOOLS}" takes one response; this row has 2.`,
      `Unknown response "Money" to "${HARDER}".`,
      'Group must be doer, non-doer or excluded (or empty to use the screening answers), not "maybe".',
    ]);
  });
  it("checks each row on its own: a bad row does not affect the next", () => {
    const { rows } = readSurveyCsv(csv("r1,bad,,,", "r2,doer,Yes,No,Tools"), shape);
    expect(rows[0]!.errors).toHaveLength(1);
    expect(rows[1]).toEqual({
      line: 3,
      respondent: "r2",
      group: "DOER",
      optionIds: ["s-yes", "t-no", "h-tools"],
      errors: [],
    });
  });
});

describe("survey CSV: file errors", () => {
  const FIRST_COLUMNS =
    "The first two columns must be respondent,group; then one column per question, headed by the question's text.";

  it("requires respondent,group as the first two columns", () => {
    expect(readSurveyCsv(`group,respondent,${TOOLS}\ndoer,r1,Yes`, shape)).toEqual({
      rows: [],
      fileError: FIRST_COLUMNS,
    });
    expect(readSurveyCsv(`respondent,${TOOLS}\nr1,Yes`, shape).fileError).toBe(FIRST_COLUMNS);
    expect(readSurveyCsv("respondent\nr1", shape).fileError).toBe(FIRST_COLUMNS);
    expect(readSurveyCsv(`name,group,${TOOLS}\nr1,doer,Yes`, shape).fileError).toBe(FIRST_COLUMNS);
  });
  it("names the question columns it does not know, as written in the file", () => {
    const { rows, fileError } = readSurveyCsv(`respondent,group,${TOOLS},How are you?,Why not?\nr1,doer,Yes,,`, shape);
    expect(rows).toEqual([]);
    expect(fileError).toBe(
      'Unknown question column(s): "How are you?", "Why not?". Head each column with a question\'s text exactly as in the survey.',
    );
  });
  it("refuses a question in two columns, even written differently", () => {
    // Case and surrounding spaces: the CSV reader refuses any column named twice.
    const { rows, fileError } = readSurveyCsv(
      `respondent,group,${TOOLS},${SCREEN},  ${TOOLS.toUpperCase()}\nr1,doer,Yes,,No`,
      shape,
    );
    expect(rows).toEqual([]);
    expect(fileError).toBe(`The column “${TOOLS.toUpperCase()}” appears more than once in the header.`);
    // Spaces inside the text: the survey's own rule.
    const spaced = TOOLS.replace(" ", "   ");
    expect(readSurveyCsv(`respondent,group,${TOOLS},${spaced}\nr1,doer,Yes,No`, shape)).toEqual({
      rows: [],
      fileError: `A question appears in more than one column: "${TOOLS.toLowerCase()}".`,
    });
  });
  it("reports a broken quote", () => {
    expect(readSurveyCsv(`${HEADER}\nr1,"doer,Yes,,`, shape)).toEqual({
      rows: [],
      fileError: 'A quoted cell is not closed: check for a missing ".',
    });
  });
  it("reports an empty file", () => {
    expect(readSurveyCsv("", shape)).toEqual({ rows: [], fileError: "The file is empty." });
    expect(readSurveyCsv(" \n\r\n  \n", shape)).toEqual({ rows: [], fileError: "The file is empty." });
  });
  it(`refuses more than ${MAX_SURVEY_ROWS} respondents and accepts exactly that many`, () => {
    expect(MAX_SURVEY_ROWS).toBe(5000);
    const body = (n: number) => Array.from({ length: n }, (_, i) => `r${i + 1},doer,,,`);
    expect(readSurveyCsv(csv(...body(5001)), shape)).toEqual({
      rows: [],
      fileError: "At most 5000 respondents per import; this file has 5001.",
    });
    const ok = readSurveyCsv(csv(...body(5000)), shape);
    expect(ok.fileError).toBeUndefined();
    expect(ok.rows).toHaveLength(5000);
    expect(ok.rows[4999]!.line).toBe(5001);
    expect(ok.rows.every((r) => r.errors.length === 0)).toBe(true);
  });
});

describe("survey CSV: line numbers", () => {
  it("counts the header as line 1", () => {
    const { rows } = readSurveyCsv(csv("r1,doer,,,", "r2,,,,", "r3,doer,,,"), shape);
    expect(rows.map((r) => [r.line, r.respondent, r.errors.length])).toEqual([
      [2, "r1", 0],
      [3, "r2", 1],
      [4, "r3", 0],
    ]);
  });
  it("ignores CRLF line ends and a trailing line break", () => {
    const { rows } = readSurveyCsv(`${HEADER}\r\nr1,doer,,,\r\nr2,doer,,,\r\n`, shape);
    expect(rows.map((r) => [r.line, r.respondent])).toEqual([
      [2, "r1"],
      [3, "r2"],
    ]);
  });
  it("gives the line a row is on in the file when a blank line comes before it", () => {
    // line 1 header, line 2 r1, line 3 blank, line 4 r2 (missing group → an error the user must find)
    const { rows } = readSurveyCsv(csv("r1,doer,,,", "", "r2,,,,"), shape);
    expect(rows.map((r) => [r.line, r.respondent])).toEqual([
      [2, "r1"],
      [4, "r2"],
    ]);
  });
});

describe("survey CSV: cells as written", () => {
  it("keeps a respondent with a leading apostrophe exactly as it is", () => {
    const { rows } = readSurveyCsv(csv("'-- none --,doer,,,", "'=r2,doer,,,"), shape);
    expect(rows.map((r) => [r.respondent, r.errors])).toEqual([
      ["'-- none --", []],
      ["'=r2", []],
    ]);
  });
  it("reports a space before a quote and cells past the header on their rows, and reads the others", () => {
    const { rows, fileError } = readSurveyCsv(csv('r1, "doer",,,', "r2,doer,,,,Time", "r3,doer,,,"), shape);
    expect(fileError).toBeUndefined();
    expect(rows.map((r) => [r.line, r.respondent, r.errors.map((e) => e.slice(0, 20))])).toEqual([
      [2, "", ["Cell 2 has a quote ("]],
      [3, "r2", ["This row has 6 cells"]],
      [4, "r3", []],
    ]);
  });
});

describe("survey CSV: the header to copy", () => {
  it("is read back as the survey's columns, with commas, quotes and a leading dash left as they are", () => {
    const questions = [
      { ...shape.questions[0]!, text: 'Did you post the "root cause", every time?' },
      { ...shape.questions[1]!, text: "- Is it difficult to get the tools you need?" },
      shape.questions[2]!,
    ];
    const header = surveyCsvHeader(questions);
    expect(header).toBe(
      `respondent,group,"Did you post the ""root cause"", every time?",- Is it difficult to get the tools you need?,${HARDER}`,
    );
    const { rows, fileError } = readSurveyCsv(`${header}\nr1,doer,Yes,No,Time`, { questions });
    expect(fileError).toBeUndefined();
    expect(rows[0]).toMatchObject({ optionIds: ["s-yes", "t-no", "h-time"], errors: [] });
  });
});
