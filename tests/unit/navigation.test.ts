import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isInternalNavigation } from "@/lib/domain/navigation";

const here = "https://app.example/catalogue?status=ACTIVE#top";

describe("which link clicks load another page (and show the progress bar)", () => {
  it("counts another path or query of the app", () => {
    expect(isInternalNavigation(here, "/log")).toBe(true);
    expect(isInternalNavigation(here, "https://app.example/dashboards")).toBe(true);
    expect(isInternalNavigation(here, "/catalogue?status=DRAFT")).toBe(true);
    expect(isInternalNavigation(here, "/catalogue")).toBe(true);
  });
  it("does not count the same page, an anchor on it, downloads from route handlers, or other sites", () => {
    expect(isInternalNavigation(here, "/catalogue?status=ACTIVE")).toBe(false);
    expect(isInternalNavigation(here, "#values")).toBe(false);
    expect(isInternalNavigation(here, "/api/auth/signout")).toBe(false);
    expect(isInternalNavigation(here, "https://evil.example/log")).toBe(false);
    expect(isInternalNavigation(here, "mailto:someone@example.test")).toBe(false);
    expect(isInternalNavigation("not a url", "/log")).toBe(false);
  });
});

describe("route handlers", () => {
  it("are all recognised as not pages, so a download never leaves the bar running", () => {
    const app = path.resolve(import.meta.dirname, "../../src/app");
    const routes = readdirSync(app, { recursive: true, encoding: "utf8" })
      .filter((f) => path.basename(f) === "route.ts")
      .map(
        (f) =>
          `/${path
            .dirname(f)
            .split(path.sep)
            .filter((s) => !/^\(.*\)$/.test(s))
            .join("/")}`,
      )
      .map((r) => r.replace(/\[\.{3}\w+\]/, "x").replace(/\[\w+\]/g, "c123"));
    expect(routes.length).toBeGreaterThan(3);
    for (const r of routes) expect(isInternalNavigation(here, r), r).toBe(false);
  });
});
