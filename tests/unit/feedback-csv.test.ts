import { describe, expect, it } from "vitest";
import {
  feedbackToCsv,
  MAX_FEEDBACK_ROWS,
  parseSentiment,
  parseSource,
  readFeedbackCsv,
  sentimentCounts,
} from "@/lib/domain/feedback";
import { parseCsv } from "@/lib/domain/csv";

const TODAY = "2026-03-10";
const HEADER = "quote,source,date,customer,sentiment,behaviour,barrier,metric,team";

describe("reading a feedback CSV", () => {
  it("reads each row with its line, verbatim quote and links, sources and sentiments however they are written", () => {
    const text = [
      HEADER,
      '"I waited three days, and nobody told me the fix was live.",Support ticket,2026-03-01,"Enterprise, EU",negative,Confirms the fix,,Time to resolution,Platform',
      '"Great ""onboarding"" call",SALES_CALL,2026-03-02,,Positive,,,,',
      '"Mixed\nfeelings",sales-call,2026-03-09,Acme,MIXED,,No logs; No owner,,',
    ].join("\r\n");
    const { rows, fileError } = readFeedbackCsv(text, TODAY);
    expect(fileError).toBeUndefined();
    expect(rows.map((r) => [r.line, r.source, r.sentiment, r.errors])).toEqual([
      [2, "SUPPORT_TICKET", "NEGATIVE", []],
      [3, "SALES_CALL", "POSITIVE", []],
      [4, "SALES_CALL", "MIXED", []],
    ]);
    expect(rows[0]).toMatchObject({
      quote: "I waited three days, and nobody told me the fix was live.",
      customer: "Enterprise, EU",
      behaviour: "Confirms the fix",
      metric: "Time to resolution",
      team: "Platform",
    });
    expect(rows[1]!.quote).toBe('Great "onboarding" call');
    expect(rows[2]!.quote).toBe("Mixed\nfeelings");
    expect(rows[2]!.barrier).toBe("No logs; No owner");
  });

  it("gives every bad row its own errors, naming what to fix", () => {
    const text = [
      HEADER,
      ",email,2026-02-30,,angry,,,,",
      "Fine words,review,2026-03-11,,positive,,,,",
      `"${"x".repeat(4001)}",other,1999-12-31,,mixed,,,,`,
      "Bidi\u202e,other,2026-03-01,,mixed,,,,",
    ].join("\n");
    const { rows } = readFeedbackCsv(text, TODAY);
    expect(rows[0]!.errors).toEqual([
      "Quote is missing: what did the customer say?",
      "Source must be one of: support ticket, interview, survey, review, sales call, other.",
      "Date must be a real date written YYYY-MM-DD.",
      "Sentiment must be positive, negative or mixed.",
    ]);
    expect(rows[1]!.errors).toEqual(["Date is in the future."]);
    expect(rows[2]!.errors).toEqual(["Quote is longer than 4000 characters.", "Date: Enter a date in 2000 or later."]);
    expect(rows[3]!.errors).toEqual(["Remove control characters (such as NUL or text-direction marks)."]);
  });

  it("needs only quote, source, date and sentiment; refuses a file without them or with too many rows", () => {
    const minimal = readFeedbackCsv("Quote,Source,Date,Sentiment\nSlow,survey,2026-03-01,negative\n", TODAY);
    expect(minimal.rows[0]).toMatchObject({ quote: "Slow", customer: "", behaviour: "", errors: [] });
    expect(readFeedbackCsv("quote,date\nx,2026-01-01\n", TODAY).fileError).toBe(
      `The CSV is missing the column(s): source, sentiment. Expected: ${HEADER}.`,
    );
    expect(readFeedbackCsv("", TODAY).fileError).toBe("The file is empty.");
    const big = [HEADER, ...Array.from({ length: MAX_FEEDBACK_ROWS + 1 }, () => "q,other,2026-01-01,,mixed,,,,")].join(
      "\n",
    );
    expect(readFeedbackCsv(big, TODAY).fileError).toBe(
      `At most ${MAX_FEEDBACK_ROWS} rows per import; this file has ${MAX_FEEDBACK_ROWS + 1}.`,
    );
  });

  it("reports a row with a quote out of place, and cells beyond the header", () => {
    const { rows } = readFeedbackCsv(
      `${HEADER}\nBad "quote",other,2026-01-01,,mixed,,,,\na,other,2026-01-01,,mixed,,,,,extra\n`,
      TODAY,
    );
    expect(rows[0]!.errors[0]).toMatch(/quote \(“?"?\)? out of place|Cell 1 has a quote/);
    expect(rows[1]!.errors[0]).toMatch(/^This row has 10 cells but the header has 9/);
  });
});

describe("feedback CSV out", () => {
  it("writes the import's columns plus story, neutralising formulas, and reads back", () => {
    const csv = feedbackToCsv([
      {
        quote: '=HYPERLINK("x")',
        source: "SALES_CALL",
        date: "2026-03-01",
        customer: "Acme",
        sentiment: "NEGATIVE",
        behaviours: ["Confirms the fix"],
        barriers: ["No logs", "No owner"],
        metrics: [],
        teams: ["Platform"],
        story: true,
      },
    ]);
    const [header, row] = parseCsv(csv);
    expect(header).toEqual([...HEADER.split(","), "story"]);
    expect(row).toEqual([
      `'=HYPERLINK("x")`,
      "sales call",
      "2026-03-01",
      "Acme",
      "negative",
      "Confirms the fix",
      "No logs; No owner",
      "",
      "Platform",
      "yes",
    ]);
    const back = readFeedbackCsv(csv, TODAY).rows[0]!;
    expect([back.source, back.sentiment, back.errors]).toEqual(["SALES_CALL", "NEGATIVE", []]);
  });

  it("parses labels and codes alike, and counts every sentiment", () => {
    expect(parseSource(" Support ticket ")).toBe("SUPPORT_TICKET");
    expect(parseSource("phone")).toBeNull();
    expect(parseSentiment("Negative")).toBe("NEGATIVE");
    expect(parseSentiment("")).toBeNull();
    expect(sentimentCounts([{ sentiment: "NEGATIVE", count: 3 }])).toEqual({ NEGATIVE: 3, MIXED: 0, POSITIVE: 0 });
  });
});
