import { describe, expect, it } from "vitest";
import { csvRecords, CsvError, parseCsv, parseCsvLines, toCsv } from "@/lib/domain/csv";

describe("csv", () => {
  it("quotes commas, quotes and line breaks, and reads them back", () => {
    const rows = [
      ["title", "note"],
      ["A, B", 'She said "hi"'],
      ["multi\nline", ""],
    ];
    const text = toCsv(rows);
    expect(text).toBe('title,note\r\n"A, B","She said ""hi"""\r\n"multi\nline",\r\n');
    expect(parseCsv(text)).toEqual(rows);
  });
  it("neutralises spreadsheet formulas on write and restores them on read", () => {
    const text = toCsv([['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "plain"]]);
    expect(text.startsWith(`"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1),plain`)).toBe(true);
    expect(parseCsv(text)).toEqual([['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "plain"]]);
  });
  it("quotes a lone CR or LF inside a cell, not only CRLF", () => {
    expect(toCsv([["a\rb", "c\nd", "e\r\nf"]])).toBe('"a\rb","c\nd","e\r\nf"\r\n');
  });
  it("neutralises every text a spreadsheet would run as a formula (OWASP CSV injection)", () => {
    const text = toCsv([['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "-foo", "\tcmd", "\rcmd", "plain", "a=b"]]);
    expect(text).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1),'-foo,'\tcmd,"'\rcmd",plain,a=b\r\n`);
  });
  it("writes numbers as they are, negative ones included: a number is never a formula", () => {
    expect(toCsv([[-20, -1.5, 3, 0, 0.0000001, 12.25]])).toBe("-20,-1.5,3,0,1e-7,12.25\r\n");
    // Typed cells decide: the same characters as text are neutralised.
    expect(toCsv([["-20", -20]])).toBe("'-20,-20\r\n");
  });
  it("accepts LF or CRLF, a byte-order mark, a missing final newline, and skips blank lines", () => {
    expect(parseCsv("\uFEFFa,b\n\n1,2\r\n3,4")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(parseCsv("")).toEqual([]);
  });
  it("refuses an unclosed quote", () => {
    expect(() => parseCsv('a,"b\n1,2')).toThrow(CsvError);
  });
  it("maps rows to records by a normalised header, padding short rows", () => {
    expect(csvRecords(" Title ,Actor\nx,y\nz\n")).toEqual({
      header: ["title", "actor"],
      rawHeader: ["Title", "Actor"],
      records: [
        { title: "x", actor: "y" },
        { title: "z", actor: "" },
      ],
      lines: [2, 3],
    });
  });
  it("reports the file line each row starts on, past blank lines and line breaks inside quotes", () => {
    // Line 1 blank, header on 2, a row on 3 whose quoted cell spans 3–4, blank 5, a row on 6 (CRLF), a row on 7.
    const text = '\na,b\n"x\ny",1\n\r\nz,2\r\nw,3';
    expect(parseCsvLines(text).map((r) => r.line)).toEqual([2, 3, 6, 7]);
    expect(csvRecords(text).lines).toEqual([3, 6, 7]);
  });
});
