// CI's dependency check (issue 7): `npm audit --omit=dev --audit-level=high` fails the build on a
// high or critical advisory. The registry these machines reach answers the advisory endpoint with
// 405, so when npm cannot get an answer this says so loudly instead of passing silently, and still
// checks what it can offline: that the framework packages (Next.js, React, next-auth) are the
// newest patch release of their line on the registry, which is where security fixes land.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";

const PINNED = ["next", "react", "react-dom", "next-auth"];
let failed = false;

const audit = spawnSync("npm", ["audit", "--omit=dev", "--audit-level=high", "--json"], { encoding: "utf8" });
let report;
try {
  report = JSON.parse(audit.stdout || "{}");
} catch {
  report = {};
}
const counts = report.metadata?.vulnerabilities;
if (counts) {
  const serious = (counts.high ?? 0) + (counts.critical ?? 0);
  console.log(
    `[audit] npm audit: ${counts.total ?? 0} advisories in production dependencies, ${serious} high or critical`,
  );
  if (serious > 0) {
    failed = true;
    console.error(audit.stdout);
  }
} else {
  const why =
    (report.error?.summary || audit.stderr || "no answer")
      .split("\n")
      .find((l) => /405|error|ENOTFOUND|ETIMEDOUT/i.test(l)) ?? "no answer";
  console.warn(
    `[audit] WARNING: npm audit could not query the advisory database (${why.trim()}); relying on the pin check below.`,
  );
}

const semver = (v) => v.split(/[.-]/).slice(0, 3).map(Number);
const newer = (a, b) => {
  const [x, y] = [semver(a), semver(b)];
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
  return false;
};
const lock = JSON.parse(readFileSync(new URL("../package-lock.json", import.meta.url), "utf8"));
for (const name of PINNED) {
  const installed = lock.packages[`node_modules/${name}`]?.version;
  if (!installed) {
    console.error(`[audit] ${name} is not in package-lock.json`);
    failed = true;
    continue;
  }
  const [major, minor] = semver(installed);
  let published;
  try {
    published = JSON.parse(
      execFileSync("npm", ["view", `${name}@~${major}.${minor}.0`, "version", "--json"], {
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
        timeout: 60_000,
      }),
    );
  } catch {
    console.warn(`[audit] WARNING: could not ask the registry for ${name}'s releases`);
    continue;
  }
  const latest = [published]
    .flat()
    .filter((v) => !v.includes("-"))
    .reduce((a, b) => (newer(b, a) ? b : a), installed);
  if (latest !== installed) {
    console.error(`[audit] ${name} ${installed} is behind the newest patch ${latest} of its line: update it`);
    failed = true;
  } else console.log(`[audit] ${name} ${installed} is the newest patch release of ${major}.${minor}`);
}
process.exit(failed ? 1 : 0);
