// Survey responses as CSV: one row per respondent, columns `respondent,group` then one column per
// question headed by the question's text; a cell holds the chosen response(s), several separated
// by ";", empty = no answer. `group` (doer, non-doer, excluded) is for data classified elsewhere;
// when it is empty the screening answers decide.
import { csvLine, csvRecords, CsvError } from "./csv";
import { hasControl } from "./text";
import { groupFromChoices, type Group, type SurveyShape } from "./surveys";

export const MAX_SURVEY_ROWS = 5000;

export interface SurveyCsvRow {
  line: number;
  respondent: string;
  group: Group | null;
  optionIds: string[];
  errors: string[];
}

const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();

const GROUPS: Record<string, Group> = {
  doer: "DOER",
  "non-doer": "NON_DOER",
  nondoer: "NON_DOER",
  "non doer": "NON_DOER",
  excluded: "EXCLUDED",
};

/** The header row an import of the survey expects, as people copy it into their file. */
export function surveyCsvHeader(questions: readonly { text: string }[]): string {
  return csvLine(["respondent", "group", ...questions.map((q) => q.text)]);
}

/** Reads and checks every row against the survey; never throws for bad content. */
export function readSurveyCsv(text: string, shape: SurveyShape): { rows: SurveyCsvRow[]; fileError?: string } {
  let parsed: ReturnType<typeof csvRecords>;
  try {
    parsed = csvRecords(text, MAX_SURVEY_ROWS);
  } catch (err) {
    return { rows: [], fileError: err instanceof CsvError ? err.message : "This file cannot be read as CSV." };
  }
  const header = parsed.header.map(norm);
  if (header.length === 0) return { rows: [], fileError: "The file is empty." };
  if (header[0] !== "respondent" || header[1] !== "group")
    return {
      rows: [],
      fileError:
        "The first two columns must be respondent,group; then one column per question, headed by the question's text.",
    };
  const byText = new Map(shape.questions.map((q) => [norm(q.text), q]));
  const questionColumns = header.slice(2);
  const unknown = parsed.rawHeader.slice(2).filter((h) => !byText.has(norm(h)));
  if (unknown.length)
    return {
      rows: [],
      fileError: `Unknown question column(s): ${unknown.map((u) => `"${u}"`).join(", ")}. Head each column with a question's text exactly as in the survey.`,
    };
  const repeated = questionColumns.filter((h, i) => questionColumns.indexOf(h) !== i);
  if (repeated.length) return { rows: [], fileError: `A question appears in more than one column: "${repeated[0]}".` };
  if (parsed.truncated || parsed.records.length > MAX_SURVEY_ROWS)
    return {
      rows: [],
      fileError: `At most ${MAX_SURVEY_ROWS} respondents per import; this file has ${parsed.truncated ? "more" : parsed.records.length}.`,
    };

  const seen = new Set<string>();
  const rows = parsed.records.map(({ line, cells, errors: csvErrors }): SurveyCsvRow => {
    if (!cells) return { line, respondent: "", group: null, optionIds: [], errors: csvErrors };
    // csvRecords keys by the lower-cased header; look cells up the same way.
    const cell = (h: string) => (cells[h] ?? Object.entries(cells).find(([k]) => norm(k) === h)?.[1] ?? "").trim();
    const errors = [...csvErrors];
    const respondent = cell("respondent");
    if (!respondent) errors.push("Respondent is missing.");
    else if (hasControl(respondent))
      errors.push("Remove control characters (such as NUL or text-direction marks) from the respondent.");
    else if (respondent.length > 80) errors.push("Respondent is longer than 80 characters.");
    else if (seen.has(respondent.toLowerCase())) errors.push(`Respondent "${respondent}" appears more than once.`);
    seen.add(respondent.toLowerCase());

    const chosen = new Set<string>();
    for (const h of questionColumns) {
      const q = byText.get(h)!;
      const labels = cell(h)
        .split(";")
        .map((s) => s.trim())
        .filter(Boolean);
      if (labels.length > 1 && !q.multiple)
        errors.push(`"${q.text}" takes one response; this row has ${labels.length}.`);
      for (const label of labels) {
        const option = q.options.find((o) => norm(o.label) === norm(label));
        if (option) chosen.add(option.id);
        else errors.push(`Unknown response "${label}" to "${q.text}".`);
      }
    }

    const rawGroup = norm(cell("group"));
    let group: Group | null = null;
    if (rawGroup) {
      group = GROUPS[rawGroup] ?? null;
      if (!group)
        errors.push(
          `Group must be doer, non-doer or excluded (or empty to use the screening answers), not "${cell("group")}".`,
        );
    } else {
      group = groupFromChoices(shape, chosen);
      if (!group) errors.push("No group: give doer, non-doer or excluded, or answer every screening question.");
    }
    return { line, respondent, group, optionIds: [...chosen], errors };
  });
  return { rows };
}
