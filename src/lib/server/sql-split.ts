import "server-only";

/**
 * Splits an SQL script into its statements, for a migration that runs without a transaction: PostgreSQL
 * runs the statements of one multi-statement query as one implicit transaction, where CREATE INDEX
 * CONCURRENTLY is refused, so each statement must be sent on its own. Semicolons inside quoted strings,
 * quoted identifiers, dollar-quoted bodies and comments do not end a statement. Empty statements and
 * comment-only ones are dropped.
 */
export function splitStatements(script: string): string[] {
  const statements: string[] = [];
  let start = 0;
  let i = 0;
  const n = script.length;
  const push = (end: number) => {
    const text = script.slice(start, end).trim();
    if (stripComments(text).trim()) statements.push(text);
    start = end + 1;
  };
  while (i < n) {
    const c = script[i]!;
    if (c === "-" && script[i + 1] === "-") {
      const eol = script.indexOf("\n", i);
      i = eol < 0 ? n : eol + 1;
    } else if (c === "/" && script[i + 1] === "*") {
      const end = script.indexOf("*/", i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === "'" || c === '"') {
      // A doubled quote inside is an escaped quote: skipping to the next quote and going on handles it.
      const end = script.indexOf(c, i + 1);
      i = end < 0 ? n : end + 1;
    } else if (c === "$") {
      const tag = /^\$[A-Za-z_]*\$/.exec(script.slice(i, i + 64))?.[0];
      if (tag) {
        const end = script.indexOf(tag, i + tag.length);
        i = end < 0 ? n : end + tag.length;
      } else i++;
    } else if (c === ";") {
      push(i);
      i++;
    } else i++;
  }
  push(n);
  return statements;
}

function stripComments(text: string): string {
  return text.replace(/--[^\n]*/g, "").replace(/\/\*[\s\S]*?\*\//g, "");
}
