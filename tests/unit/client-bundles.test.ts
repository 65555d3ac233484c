// What a client component imports is shipped to every phone that opens its page. The schemas (src/lib/schemas)
// are built with zod, about 90 kB gzip in the browser: a client component that imports a constant from one
// (a label, a length limit) ships the whole library (issue 19: the Log page within 10 kB of the framework's
// floor; it had grown by 89 kB through one NOTE_MAX). So labels and limits the browser needs live in
// src/lib/domain, and this test follows every value import of every "use client" module, as the bundler
// does (type-only imports are erased; a "use server" module becomes a reference, not its code).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../../src");
const FORBIDDEN = new Set(["zod"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" ? [] : sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

const directive = (file: string, name: string) =>
  new RegExp(`^\\s*(?:\\/\\/[^\\n]*\\n\\s*)*["']${name}["']`).test(readFileSync(file, "utf8"));

function resolveImport(from: string, spec: string): string | null {
  const base = spec.startsWith("@/")
    ? path.join(SRC, spec.slice(2))
    : spec.startsWith(".")
      ? path.resolve(path.dirname(from), spec)
      : null;
  if (!base) return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")])
    if (existsSync(c) && statSync(c).isFile()) return c;
  return null;
}

/** The modules a file imports for their values (not `import type`, not `{ type A }` alone). */
export function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, false);
  const out: string[] = [];
  for (const node of source.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const clause = node.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      const onlyTypes =
        clause && !clause.name && named && ts.isNamedImports(named) && named.elements.every((e) => e.isTypeOnly);
      if (!onlyTypes) out.push(node.moduleSpecifier.text);
    } else if (ts.isExportDeclaration(node) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const named = node.exportClause;
      const onlyTypes =
        node.isTypeOnly || (named && ts.isNamedExports(named) && named.elements.every((e) => e.isTypeOnly));
      if (!onlyTypes) out.push(node.moduleSpecifier.text);
    }
  }
  return out;
}

/** The chain of imports from `file` to a forbidden package, or null. */
function pathToForbidden(file: string, seen = new Set<string>()): string[] | null {
  if (seen.has(file)) return null;
  seen.add(file);
  for (const spec of valueImports(file)) {
    if (FORBIDDEN.has(spec)) return [path.relative(SRC, file), spec];
    const next = resolveImport(file, spec);
    if (!next || directive(next, "use server")) continue;
    const rest = pathToForbidden(next, seen);
    if (rest) return [path.relative(SRC, file), ...rest];
  }
  return null;
}

describe("client bundles", () => {
  it("finds a value import and skips type-only ones", () => {
    const file = path.join(SRC, "components/log/missed-citation.tsx");
    expect(valueImports(file)).toContain("@/lib/domain/barrier-citations");
    expect(valueImports(path.join(SRC, "components/log/log-pad.tsx"))).not.toContain("@/lib/schemas/observations");
    // The schemas do reach zod: the check below has something to find.
    expect(pathToForbidden(path.join(SRC, "lib/schemas/barrier-citations.ts"))).toEqual([
      "lib/schemas/barrier-citations.ts",
      "lib/schemas/zod.ts",
      "zod",
    ]);
  });

  it("ships no schema library to the browser: no client module imports zod, directly or through others", () => {
    const clients = sourceFiles(SRC).filter((f) => directive(f, "use client"));
    expect(clients.length).toBeGreaterThan(50);
    const offenders = clients.map((f) => pathToForbidden(f)).filter((c): c is string[] => c !== null);
    expect(offenders.map((c) => c.join(" → "))).toEqual([]);
  });
});
