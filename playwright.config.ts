import { defineConfig, devices } from "@playwright/test";
import { checkOneServerSpecs, leftToTheOtherServer } from "./tests/e2e/support/one-server";

// End-to-end tests drive the real built app (scripts/serve.mjs, as `npm start`) in Debian's Chromium, twice: on a
// fresh embedded database and on a throwaway PostgreSQL server, both seeded with the demo data
// (scripts/e2e-server.ts). E2E_BASE_URL points them at a server you already run instead.
const external = process.env.E2E_BASE_URL;
// E2E_PORT moves both servers (default 3100 and 3101), so two checkouts can run the suite at once.
const basePort = Number(process.env.E2E_PORT ?? 3100);
const servers = [
  { name: "embedded", port: basePort },
  { name: "postgres", port: basePort + 1 },
] as const;
// Against the two servers, the specs that test the browser's side run on one of them (tests/e2e/support/one-server.ts);
// against an external server, every spec runs.
checkOneServerSpecs("tests/e2e");
const targets = external
  ? [{ name: "external", baseURL: external, testIgnore: [] as RegExp[] }]
  : servers.map((s) => ({
      name: s.name,
      baseURL: `http://127.0.0.1:${s.port}`,
      testIgnore: leftToTheOtherServer(s.name),
    }));
const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  // The embedded and the PostgreSQL run go side by side, each one test at a time: the tests of one
  // server share its demo accounts and data, so a project never runs two at once (workers: 1 below).
  workers: targets.length,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "reports/e2e.json" }]] : [["list"]],
  use: { trace: "retain-on-failure" },
  // Per server: sign each demo account in once (auth.setup.ts), run the tests with those sessions
  // (fixtures.ts `as(role)`), then check that no test ended one of them (auth.teardown.ts).
  projects: targets.flatMap(({ name, baseURL, testIgnore }) => [
    {
      name: `setup-${name}`,
      testMatch: /auth\.setup\.ts$/,
      teardown: `teardown-${name}`,
      use: { ...chromium, baseURL },
    },
    { name: `teardown-${name}`, testMatch: /auth\.teardown\.ts$/, use: { ...chromium, baseURL } },
    { name, dependencies: [`setup-${name}`], workers: 1, testIgnore, use: { ...chromium, baseURL } },
  ]),
  webServer: external
    ? undefined
    : servers.map((s) => ({
        command: `npx tsx --conditions=react-server scripts/e2e-server.ts ${s.port} ${s.name}`,
        url: `http://127.0.0.1:${s.port}/api/health`,
        timeout: 300_000,
        reuseExistingServer: false,
        // SIGTERM, so that scripts/e2e-server.ts stops its PostgreSQL server and removes the cluster.
        gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
        stdout: "pipe" as const,
        stderr: "pipe" as const,
      })),
});
