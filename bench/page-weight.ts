// JavaScript weight of a page as a phone would download it: every script the page loads in a real
// browser until the network is idle (lazy chunks such as the charts included), each gzipped at the
// default level a web server uses, summed. Also says whether the charts library was among them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "@playwright/test";

export interface PageWeight {
  gzipKb: number;
  scripts: number;
  charts: boolean;
}

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export async function measurePageWeights(
  baseUrl: string,
  cookie: string,
  paths: Record<string, string>,
): Promise<Record<string, PageWeight>> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const out: Record<string, PageWeight> = {};
    for (const [name, path] of Object.entries(paths)) {
      const context = await browser.newContext({ extraHTTPHeaders: { Cookie: cookie } });
      const page = await context.newPage();
      const scripts = new Map<string, Buffer>();
      page.on("response", async (res) => {
        if (res.request().resourceType() !== "script") return;
        try {
          scripts.set(res.url(), await res.body());
        } catch {
          // a redirect or an aborted load has no body
        }
      });
      await page.goto(`${baseUrl}${path}`, { waitUntil: "networkidle" });
      await page.waitForTimeout(500);
      const bodies = [...scripts.values()];
      out[name] = {
        gzipKb: bodies.reduce((n, b) => n + gzipSync(b).length, 0) / 1024,
        scripts: bodies.length,
        charts: bodies.some((b) => b.includes("recharts-surface")),
      };
      await context.close();
    }
    return out;
  } finally {
    await browser.close();
  }
}

/**
 * The framework's own floor: the scripts the build loads on every App Router page before any of the app's
 * code (the build manifest's rootMainFiles: React, React DOM, the router, the runtime), gzipped as above.
 * A page's weight minus this is what the page's own code costs (issue 19: the Log page within 10 kB of it).
 */
export function frameworkFloorKb(buildDir = ".next"): number {
  const manifest = JSON.parse(readFileSync(path.join(buildDir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  if (!manifest.rootMainFiles.length) throw new Error("the build manifest names no rootMainFiles");
  return manifest.rootMainFiles.reduce((n, f) => n + gzipSync(readFileSync(path.join(buildDir, f))).length, 0) / 1024;
}
