import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/domain/redirects";

// The list: every ASCII control character and the Unicode white space a browser or a
// header writer may treat specially.
const CONTROLS = [...Array.from({ length: 0x20 }, (_, i) => i), 0x7f];
const UNICODE_SPACES = [
  0x85,
  0xa0,
  0x1680,
  0x180e,
  ...Array.from({ length: 11 }, (_, i) => 0x2000 + i),
  0x200b,
  0x2028,
  0x2029,
  0x202f,
  0x205f,
  0x3000,
  0xfeff,
];
const hex = (c: number) => `U+${c.toString(16).padStart(4, "0").toUpperCase()}`;

// Where a browser on https://app.example goes when told to navigate to `path`.
const destination = (path: string) => new URL(path, "https://app.example");

function expectSafe(input: string) {
  const out = safeNextPath(input);
  expect(destination(out).origin, JSON.stringify(input)).toBe("https://app.example");
  // Printable ASCII only: valid in a Location header, so no 500 on the way out.
  expect(out, JSON.stringify(input)).toMatch(/^\/[\x21-\x7e]*$/);
  expect(out.startsWith("//"), JSON.stringify(input)).toBe(false);
  return out;
}

describe("redirect after sign-in", () => {
  it("follows same-site paths, with their query and fragment", () => {
    expect(safeNextPath("/catalogue/abc")).toBe("/catalogue/abc");
    expect(safeNextPath("/dashboards?period=4w#top")).toBe("/dashboards?period=4w#top");
    expect(safeNextPath("/log?team=abc")).toBe("/log?team=abc");
    expect(safeNextPath("/surveys/c123/edit")).toBe("/surveys/c123/edit");
    expect(safeNextPath("/catalogue?q=root%20cause")).toBe("/catalogue?q=root%20cause");
  });

  it("refuses other sites, schemes and anything that is not a path", () => {
    for (const bad of [
      "//evil.example/x",
      "https://evil.example",
      "http:evil.example",
      "javascript:alert(1)",
      "/\\evil.example",
      "\\\\evil.example",
      "evil.example",
      "",
    ])
      expect(safeNextPath(bad), bad).toBe("/");
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath(["/a"])).toBe("/");
    expect(safeNextPath("", "/log")).toBe("/log");
  });

  it("refuses paths that dot segments turn into another host", () => {
    for (const bad of ["/.//evil.example", "/..//evil.example", "/a/..//evil.example", "/%2e//evil.example"])
      expect(expectSafe(bad), bad).toBe("/");
  });

  for (const [name, codes] of [
    ["ASCII control character", CONTROLS],
    ["Unicode space", UNICODE_SPACES],
  ] as const) {
    it(`keeps every ${name} on the site, raw or percent-encoded, in every position`, () => {
      for (const code of codes) {
        const c = String.fromCodePoint(code);
        const e = encodeURIComponent(c);
        for (const raw of [
          `/${c}/evil.example`,
          `/${c}${c}/evil.example`,
          `//${c}evil.example`,
          `/${c}\\evil.example`,
          `/catalogue${c}`,
          `/catalogue?next=${c}//evil.example`,
          `/catalogue#${c}`,
        ]) {
          // Raw: refused (a browser would drop or fold the character, a header cannot hold it).
          expect(expectSafe(raw), `${hex(code)} in ${JSON.stringify(raw)}`).toBe("/");
        }
        // Percent-encoded (a next= that was encoded twice): a harmless path of ours, kept as it is.
        expect(expectSafe(`/${e}/evil.example`), hex(code)).toBe(`/${e}/evil.example`);
        expect(expectSafe(`/catalogue?next=${e}`), hex(code)).toBe(`/catalogue?next=${e}`);
      }
    });
  }

  it("writes what it keeps in ASCII, as a Location header needs", () => {
    expect(expectSafe("/catalogue/café")).toBe("/catalogue/caf%C3%A9");
    expect(expectSafe("/catalogue?q=a b")).toBe("/catalogue?q=a%20b");
  });
});
