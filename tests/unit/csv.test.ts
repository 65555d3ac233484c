import { describe, expect, it } from "vitest";
import { csvRecords, CsvError, openCsvTable, parseCsv, parseCsvLines, toCsv } from "@/lib/domain/csv";

describe("toCsv", () => {
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
  it("quotes a lone CR or LF inside a cell, not only CRLF", () => {
    expect(toCsv([["a\rb", "c\nd", "e\r\nf"]])).toBe('"a\rb","c\nd","e\r\nf"\r\n');
  });
  it("neutralises text a spreadsheet would run as a formula (OWASP CSV injection)", () => {
    const text = toCsv([['=HYPERLINK("x")', "+1", "-2", "@SUM(A1)", "-foo", "\tcmd", "\rcmd", "plain", "a=b"]]);
    expect(text).toBe(`"'=HYPERLINK(""x"")",'+1,'-2,'@SUM(A1),'-foo,'\tcmd,"'\rcmd",plain,a=b\r\n`);
  });
  it("writes numbers as they are, negative ones included: a number is never a formula", () => {
    expect(toCsv([[-20, -1.5, 3, 0, 0.0000001, 12.25]])).toBe("-20,-1.5,3,0,1e-7,12.25\r\n");
    // Typed cells decide: the same characters as text are neutralised.
    expect(toCsv([["-20", -20]])).toBe("'-20,-20\r\n");
  });
});

describe("parseCsv / parseCsvLines", () => {
  it("returns every cell exactly as written: a leading apostrophe is part of the value", () => {
    const text = "'-- none --,'=1+1,'@channel,'+44 20,it's\n";
    expect(parseCsv(text)).toEqual([["'-- none --", "'=1+1", "'@channel", "'+44 20", "it's"]]);
  });
  it("reads a neutralised cell back with its apostrophe: the reader cannot tell who wrote it", () => {
    expect(parseCsv(toCsv([["=SUM(A1)", -3]]))).toEqual([["'=SUM(A1)", "-3"]]);
  });
  it("accepts LF, CRLF or CR (mixed too), a byte-order mark and a missing final newline", () => {
    expect(parseCsv("\uFEFFa,b\n1,2\r\n3,4\r5,6")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", "4"],
      ["5", "6"],
    ]);
    expect(parseCsv("")).toEqual([]);
  });
  it("skips blank lines and rows of empty cells", () => {
    expect(parseCsv("a,b\n\n,\n , \n,,,\n\r\n1,2\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
  it("keeps spaces around unquoted cells: trimming is the reader's choice, per column", () => {
    expect(parseCsv(" a , b \n")).toEqual([[" a ", " b "]]);
  });
  it("refuses an unclosed quote for the whole file", () => {
    expect(() => parseCsv('a,"b\n1,2')).toThrow(new CsvError('A quoted cell is not closed: check for a missing ".'));
    expect(() => parseCsvLines('a,b\n1,2\n3,"x')).toThrow(CsvError);
  });
  it("refuses text that is not valid Unicode rather than changing it", () => {
    expect(() => parseCsv("a,b\nx\uD800y,1")).toThrow(/not valid Unicode/);
    expect(parseCsv("a\n👩‍💻\n")).toEqual([["a"], ["👩‍💻"]]);
  });
  it("reports a space before an opening quote on its row and line, and reads the rows around it", () => {
    const rows = parseCsvLines('a,b\n1, "b"\n3,4\n');
    expect(rows.map((r) => [r.line, r.cells, r.error !== null])).toEqual([
      [1, ["a", "b"], false],
      [2, [], true],
      [3, ["3", "4"], false],
    ]);
    expect(rows[1]!.error).toMatch(/^Cell 2 has a quote \("\) out of place: .*not even a space/);
    expect(() => parseCsv('a,b\n1, "b"\n')).toThrow(/^Line 2: Cell 2 has a quote/);
  });
  it("reports a quote in the middle of a cell, and text after a closing quote", () => {
    const rows = parseCsvLines('a,b\n5" screen,1\n"x" ,2\n"y",3\n');
    expect(rows.map((r) => [r.line, r.error?.slice(0, 40) ?? null])).toEqual([
      [1, null],
      [2, 'Cell 1 has a quote (") out of place: a q'],
      // csv-parse reads on inside the quotes until the next one: line 4 is part of the bad row.
      [3, "Cell 1 goes on after its closing quote ("],
    ]);
  });
  it("names the text after a closing quote when it leaves a quote open to the end of the file", () => {
    expect(() => parseCsv('a,b\n"x"y,2\n3,4\n')).toThrow(/^Line 2: Cell 1 goes on after its closing quote/);
  });
  it("reports a row with several bad quotes once", () => {
    expect(parseCsvLines('a,b\n1, "b, c"\n').map((r) => r.line)).toEqual([1, 2]);
  });
  it("reports the file line each row starts on, past blank lines and line breaks inside quotes", () => {
    // Line 1 blank, header on 2, a row on 3 whose quoted cell spans 3–4, blank 5, a row on 6 (CRLF), a row on 7.
    const text = '\na,b\n"x\ny",1\n\r\nz,2\r\nw,3';
    expect(parseCsvLines(text).map((r) => r.line)).toEqual([2, 3, 6, 7]);
    expect(csvRecords(text).records.map((r) => r.line)).toEqual([3, 6, 7]);
  });
  it("counts a CRLF inside a quoted cell as one line, and a CR alone as one", () => {
    // Header 1; a cell spanning 2–4 (CRLF, then CR); blank 5; a row on 6; a bad row on 7; a row on 8.
    const text = 'a,b\r\n"x\r\ny\rz",1\r\n\r\nw,2\r\nv, "3"\r\nu,4\r\n';
    expect(parseCsvLines(text).map((r) => r.line)).toEqual([1, 2, 6, 7, 8]);
  });
  it("gives the line of a bad row past blank lines, a byte-order mark and a row of empty cells", () => {
    expect(parseCsvLines('\uFEFF\n\na,b\n,\n\n "x",1\n').map((r) => [r.line, r.error !== null])).toEqual([
      [3, false],
      [6, true],
    ]);
  });
});

describe("csvRecords", () => {
  it("maps rows to records by a trimmed, case-insensitive header, padding short rows", () => {
    expect(csvRecords(" Title ,Actor\nx,y\nz\n")).toEqual({
      header: ["title", "actor"],
      rawHeader: ["Title", "Actor"],
      records: [
        { line: 2, cells: { title: "x", actor: "y" }, errors: [] },
        { line: 3, cells: { title: "z", actor: "" }, errors: [] },
      ],
      truncated: false,
    });
  });
  it("reports cells beyond the header on their row instead of dropping them", () => {
    const { records } = csvRecords("note,count\nMet, then left,3\nfine,1,,\n");
    expect(records).toEqual([
      {
        line: 2,
        cells: { note: "Met", count: " then left" },
        errors: [
          "This row has 3 cells but the header has 2: put a cell that contains a comma in quotes, or remove the extra cells.",
        ],
      },
      // Empty cells past the header carry nothing: a spreadsheet writes them for ragged sheets.
      { line: 3, cells: { note: "fine", count: "1" }, errors: [] },
    ]);
  });
  it("gives a row that cannot be read no cells, only its error", () => {
    expect(csvRecords('a,b\n1, "2"\n').records).toEqual([
      { line: 2, cells: null, errors: [expect.stringMatching(/^Cell 2 has a quote/) as string] },
    ]);
  });
  it("refuses a header that names a column twice, however it is written", () => {
    expect(() => csvRecords("date,Team, team \nx,y,z")).toThrow(
      new CsvError("The column “team” appears more than once in the header."),
    );
    // Nameless columns (a trailing comma) are not names.
    expect(csvRecords("a,,\n1,,\n").header).toEqual(["a", "", ""]);
  });
  it("refuses a header it cannot read", () => {
    expect(() => csvRecords('a, "b"\n1,2')).toThrow(/^The header row \(line 1\) cannot be read\. Cell 2 has a quote/);
  });
  it("keeps a column named __proto__ as a plain cell", () => {
    const { records } = csvRecords("__proto__,a\nx,1\n");
    expect(records[0]!.cells).toEqual({ ["__proto__"]: "x", a: "1" });
    expect(Object.getPrototypeOf(records[0]!.cells)).toBe(Object.prototype);
  });
  it("reads a long file of well-formed rows to the end, so a refusal can say how many rows it has", () => {
    const text = `a,b\n${"1,2\n".repeat(20)}`;
    expect(csvRecords(text, 5)).toMatchObject({ truncated: false });
    expect(csvRecords(text, 5).records).toHaveLength(20);
  });
  it("stops reading once more rows than allowed cost csv-parse an error (garbage, ragged or bad quotes)", () => {
    const ragged = csvRecords(`a,b\n${"1\n".repeat(20)}`, 5);
    expect(ragged.truncated).toBe(true);
    expect(ragged.records.length).toBeLessThan(20);
    expect(csvRecords(`a,b\n${'1, "2"\n'.repeat(20)}`, 5).truncated).toBe(true);
    expect(csvRecords(`a,b\n${'1, "2"\n'.repeat(5)}`, 5).truncated).toBe(false);
    // A leading row of empty cells makes csv-parse flag the header and every row: still read to the end.
    expect(csvRecords(`,,,\na,b\n${"1,2\n".repeat(5)}`, 5)).toMatchObject({ truncated: false, header: ["a", "b"] });
  });
});

describe("openCsvTable", () => {
  const spec = { columns: ["date", "value"], maxRows: 3 };
  it("explains a file it cannot read, an empty one, missing columns and too many rows", () => {
    expect(openCsvTable('date,value\n"x', spec)).toEqual({ fileError: expect.stringMatching(/not closed/) as string });
    expect(openCsvTable("date,value,Date\n", spec)).toEqual({
      fileError: "The column “Date” appears more than once in the header.",
    });
    expect(openCsvTable(" \n,,\n", spec)).toEqual({ fileError: "The file is empty." });
    expect(openCsvTable("date\n1", spec)).toEqual({
      fileError: "The CSV is missing the column(s): value. Expected: date,value.",
    });
    expect(openCsvTable(`date,value\n${"d,1\n".repeat(4)}`, spec)).toEqual({
      fileError: "At most 3 rows per import; this file has 4.",
    });
    expect(openCsvTable(`date,value\n${"d\n".repeat(10)}`, spec)).toEqual({
      fileError: "At most 3 rows per import; this file has more.",
    });
  });
});

describe("round trip", () => {
  it("reads back exactly what toCsv wrote, for any text that is not a formula and for numbers", () => {
    const rows: (string | number)[][] = [
      ["plain", "A, B", 'She said "hi"', "", "  padded  ", "multi\nline", "cr\ronly", "crlf\r\ninside"],
      ["'-- none --", "it's", "'apostrophe", "é ü ß 日本 👩‍💻", "a=b", "50%", "#tag", '""'],
      [-20, -1.5, 0, 42, 0.0000001, 1e21, 3.25, -0.5],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows.map((r) => r.map(String)));
  });
});
