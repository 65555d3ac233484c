// Lighthouse (npm) in Debian's Chromium with its default mobile preset (simulated slow 4G and a
// 4× slower CPU), signed in through a Cookie header: performance and accessibility scores, 0–100.
import { execFile } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { CHROMIUM, CHROMIUM_ARGS } from "./page-weight";

const run = promisify(execFile);

export interface LighthouseScores {
  performance: number;
  accessibility: number;
}

export async function lighthouse(
  url: string,
  cookie: string,
  reportDir: string,
  name: string,
): Promise<LighthouseScores> {
  mkdirSync(reportDir, { recursive: true });
  const output = path.join(reportDir, `lighthouse-${name}.json`);
  await run(
    "node_modules/.bin/lighthouse",
    [
      url,
      "--quiet",
      "--output=json",
      `--output-path=${output}`,
      "--only-categories=performance,accessibility",
      `--extra-headers=${JSON.stringify({ Cookie: cookie })}`,
      `--chrome-flags=--headless=new ${CHROMIUM_ARGS.join(" ")}`,
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 180_000, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(readFileSync(output, "utf8")) as {
    categories: Record<string, { score: number | null }>;
    runtimeError?: { message: string };
  };
  if (report.runtimeError) throw new Error(`lighthouse ${url}: ${report.runtimeError.message}`);
  const score = (k: string) => Math.round((report.categories[k]?.score ?? Number.NaN) * 100);
  return { performance: score("performance"), accessibility: score("accessibility") };
}
