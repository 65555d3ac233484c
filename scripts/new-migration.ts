// `npm run db:migration -- <name>`: writes the SQL that takes the schema of the latest migration
// to the current prisma/schema.prisma, as prisma/migrations/<timestamp>_<name>/migration.sql,
// with a copy of the schema beside it for the next diff. Needs no database (see docs/decisions/002).
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "")
  .toLowerCase()
  .replace(/[^a-z0-9]+/g, "_")
  .replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run db:migration -- <name>");
  process.exit(2);
}
const dir = path.join("prisma", "migrations");
const latest = readdirSync(dir)
  .filter((d) => existsSync(path.join(dir, d, "schema.prisma")))
  .sort()
  .at(-1);
const from = latest ? ["--from-schema-datamodel", path.join(dir, latest, "schema.prisma")] : ["--from-empty"];
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
  { encoding: "utf8" },
);
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.log("The schema has not changed since the latest migration: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const target = path.join(dir, `${stamp}_${name}`);
mkdirSync(target);
writeFileSync(path.join(target, "migration.sql"), sql);
copyFileSync(path.join("prisma", "schema.prisma"), path.join(target, "schema.prisma"));
console.log(`Wrote ${target}/migration.sql — review it, then commit both files.`);
