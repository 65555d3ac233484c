// Builds the app when the sources changed since the last build (a hash of the build inputs is
// kept in .next/conduct-build-hash). Used by `npm start` on the embedded database and before the
// end-to-end tests; `npm run build` always builds.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = process.cwd();
const BUILD_INPUTS = [
  "src",
  "public",
  "prisma/schema.prisma",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
];
const STAMP = path.join(root, ".next", "conduct-build-hash");

function sourceHash(): string {
  const hash = createHash("sha256");
  const visit = (p: string) => {
    if (!existsSync(p) || path.basename(p) === "generated") return;
    if (statSync(p).isDirectory()) for (const name of readdirSync(p).sort()) visit(path.join(p, name));
    else hash.update(path.relative(root, p)).update(readFileSync(p));
  };
  for (const input of BUILD_INPUTS) visit(path.join(root, input));
  return hash.digest("hex");
}

export function ensureBuild(opts: { always?: boolean } = {}): void {
  const current = sourceHash();
  if (
    !opts.always &&
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, "utf8") === current
  )
    return;
  console.log(
    opts.always ? "[conduct] building the app…" : "[conduct] building the app (first start, or the sources changed)…",
  );
  // The build's id is its deployment id too (next.config.ts): a browser holding a page of another build
  // reloads on its next navigation instead of asking this one for chunks and actions it does not have.
  const buildId = `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}-${current.slice(0, 12)}`;
  const build = spawnSync("npx", ["next", "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CONDUCT_BUILD_ID: buildId },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  writeFileSync(STAMP, current);
}

/**
 * For a process that serves a build made by `npm run build` (DATABASE_URL, several processes): exits
 * when there is none, and warns when the sources changed since, rather than building in each process.
 */
export function requireBuild(): void {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.error(
      "[conduct] No build found: run `npm run build` first (with DATABASE_URL, `npm start` does not build).",
    );
    process.exit(2);
  }
  if (existsSync(STAMP) && readFileSync(STAMP, "utf8") !== sourceHash())
    console.warn(
      "[conduct] The sources changed since the last build: serving that build (run `npm run build` for a new one).",
    );
}

// `npm run build` (--always) builds whatever the stamp says; before the e2e tests, only when the sources changed.
if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href)
  ensureBuild({ always: process.argv.includes("--always") });
