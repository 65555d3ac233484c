// Issue 15, item 14: a batch date of 0000-01-01 passed validation and failed in the database
// ("Something went wrong"), and import files between 1 and 2 MB failed on Next's 1 MB body limit.
import { describe, expect, it } from "vitest";
import { addDays, currentDay } from "@/lib/domain/dates";
import { ACTION_BODY_LIMIT_BYTES, importBytes, MAX_IMPORT_BYTES } from "@/lib/domain/import-limits";
import { readReadingCsv } from "@/lib/domain/metric-csv";
import { readObservationCsv } from "@/lib/domain/observation-csv";
import { zodFieldErrors } from "@/lib/schemas/action-result";
import { ReadingInput } from "@/lib/schemas/metrics";
import { LogBatchInput, ObservationFilter } from "@/lib/schemas/observations";
import { ImportInput } from "@/lib/schemas/transfer";

const batch = (occurredOn: string) => ({
  behaviourId: "cbehaviour1",
  teamId: "cteam1",
  performed: "1",
  opportunities: "2",
  idempotencyKey: "key-12345678",
  occurredOn,
});

function fieldErrors(schema: typeof LogBatchInput | typeof ImportInput | typeof ReadingInput, input: unknown) {
  const r = schema.safeParse(input);
  return r.success ? {} : zodFieldErrors(r.error);
}

describe("dates people type", () => {
  it.each([
    ["0000-01-01", "Enter a date in 2000 or later."],
    ["0001-12-31", "Enter a date in 2000 or later."],
    ["1999-12-31", "Enter a date in 2000 or later."],
    ["9999-12-31", "The date cannot be in the future."],
    [addDays(currentDay(), 2), "The date cannot be in the future."],
    ["2026-02-30", "Enter a date."],
  ])("a batch dated %s is refused beside the date: %s", (day, message) => {
    expect(fieldErrors(LogBatchInput, batch(day))).toEqual({ occurredOn: message });
  });

  it("accepts 2000-01-01 and today (and tomorrow in UTC, which is today east of it)", () => {
    for (const day of ["2000-01-01", currentDay(), addDays(currentDay(), 1)])
      expect(LogBatchInput.safeParse(batch(day)).success).toBe(true);
  });

  it("refuses the same absurd dates for a metric reading", () => {
    const reading = { metricId: "cmetric1", date: "0000-01-01", value: "3" };
    expect(fieldErrors(ReadingInput, reading)).toMatchObject({ date: "Enter a date in 2000 or later." });
  });

  it("refuses them in observation and reading CSV files, per row", () => {
    const obs = readObservationCsv("date,team,behaviour,performed,missed\n0000-01-01,A,B,1,0\n", "2026-11-22");
    expect(obs.rows[0]?.errors).toEqual(["Date: Enter a date in 2000 or later."]);
    const readings = readReadingCsv("date,metric,value\n1999-01-01,NPS,3\n", "2026-11-22");
    expect(readings.rows[0]?.errors).toContain("Date: Enter a date in 2000 or later.");
  });

  it("drops an absurd day from a URL filter instead of querying with it", () => {
    expect(ObservationFilter.parse({ from: "0000-01-01", to: "2026-01-31" })).toEqual({ to: "2026-01-31" });
  });
});

describe("import size", () => {
  it("accepts a 1.5 MB file and refuses one over 2 MB with its size", () => {
    const row = "2026-11-20,Platform,Root cause on the ticket,4,1,sprint review\n";
    const big = row.repeat(Math.ceil(1_500_000 / row.length));
    expect(ImportInput.safeParse({ content: big }).success).toBe(true);
    const huge = row.repeat(Math.ceil(2_100_000 / row.length));
    expect(fieldErrors(ImportInput, { content: huge })).toEqual({
      content: "The file is larger than 2 MB (it has 2.1 MB). Split it and import the parts one by one.",
    });
  });

  it("counts UTF-8 bytes, a CRLF as one line break", () => {
    expect(importBytes("a\r\nb\n")).toBe(4);
    expect(importBytes("é")).toBe(2);
    const accents = "é".repeat(1_100_000); // 1.1 M characters, 2.2 MB
    expect(fieldErrors(ImportInput, { content: accents }).content).toMatch(/^The file is larger than 2 MB/);
  });

  it("lets the largest accepted file through the request body limit, CRLF line breaks and all", () => {
    const row = "2026-11-20,A,B,1,0\n"; // the shortest plausible observation row
    const largest = row.repeat(Math.floor(MAX_IMPORT_BYTES / row.length));
    expect(importBytes(largest)).toBeLessThanOrEqual(MAX_IMPORT_BYTES);
    const sent = new TextEncoder().encode(largest.replace(/\n/g, "\r\n")).length;
    expect(sent + 16 * 1024).toBeLessThan(ACTION_BODY_LIMIT_BYTES);
  });
});
