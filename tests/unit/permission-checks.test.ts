// The data layer's permission checks are async (a refusal is written to the audit trail before it
// throws). A check that is called without `await` would refuse nothing: its rejection would float
// away while the function carried on. This reads the source and fails on any such call.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const DATA = path.resolve(import.meta.dirname, "../../src/lib/server/data");
const CHECK = /\b(authorize|require[A-Z]\w*|recordRefusal)\(/g;

function unawaitedChecks(text: string): string[] {
  return text
    .split("\n")
    .flatMap((line, i) =>
      [...line.matchAll(CHECK)]
        .filter((m) => !/(await |function |import .*)$/.test(line.slice(0, m.index)))
        .map(() => `line ${i + 1}: ${line.trim()}`),
    );
}

describe("permission checks in the data layer", () => {
  it.each(readdirSync(DATA).filter((f) => f.endsWith(".ts")))("%s awaits every check", (file) => {
    expect(unawaitedChecks(readFileSync(path.join(DATA, file), "utf8"))).toEqual([]);
  });

  it("catches a check that is not awaited", () => {
    expect(unawaitedChecks('  requireAdmin(ctx);\n  await authorize(ctx, "x");\n  authorize(ctx, "y");')).toEqual([
      "line 1: requireAdmin(ctx);",
      'line 3: authorize(ctx, "y");',
    ]);
  });
});
