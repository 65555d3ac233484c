// Prints one closing line for CI, "tests: N passed, N failed", from the JSON reports of vitest
// and Playwright. Exits non-zero when a report is missing or counts no test.
import { existsSync, readFileSync } from "node:fs";

let passed = 0,
  failed = 0,
  skipped = 0;
const vitest = "reports/vitest.json";
const e2e = "reports/e2e.json";
for (const f of [vitest, e2e])
  if (!existsSync(f)) {
    console.log(`tests: missing report ${f}`);
    process.exit(1);
  }

const v = JSON.parse(readFileSync(vitest, "utf8"));
passed += v.numPassedTests;
failed += v.numFailedTests;
skipped += v.numPendingTests + v.numTodoTests;
const p = JSON.parse(readFileSync(e2e, "utf8"));
passed += p.stats.expected;
failed += p.stats.unexpected + p.stats.flaky;
skipped += p.stats.skipped;

console.log(
  `unit+integration: ${v.numPassedTests} passed, ${v.numFailedTests} failed; e2e: ${p.stats.expected} passed, ${p.stats.unexpected} failed`,
);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
