import path from "node:path";

/** Per-database reports of the last bench run (git-ignored); bench/results.json is the committed summary. */
export const REPORTS_DIR = path.resolve(import.meta.dirname, ".reports");
