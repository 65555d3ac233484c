import { defineConfig, devices } from "@playwright/test";
import { checkOneServerSpecs, leftToTheOtherServer } from "./tests/e2e/support/one-server";

// End-to-end tests drive the real built app (scripts/serve.mjs, as `npm start`) in Debian's Chromium, twice: on a
// fresh embedded database and on a throwaway PostgreSQL server, both seeded with the demo data
// (scripts/e2e-server.ts). A third server, "cluster", is two processes of the one build behind nginx
// (scripts/e2e-cluster.ts), for tests/e2e/cluster.spec.ts only. E2E_BASE_URL points them at a server you
// already run instead.
const external = process.env.E2E_BASE_URL;
// E2E_PORT moves all servers (default 3100, 3101, and 3105 for nginx with its processes on 3106 and 3107; 3102 is
// the TLS test's own server and 3103-3104 the shutdown test's), so two checkouts can run the suite at once.
const basePort = Number(process.env.E2E_PORT ?? 3100);
const servers = [
  { name: "embedded", port: basePort, command: `scripts/e2e-server.ts ${basePort} embedded` },
  { name: "postgres", port: basePort + 1, command: `scripts/e2e-server.ts ${basePort + 1} postgres` },
  { name: "cluster", port: basePort + 5, command: `scripts/e2e-cluster.ts ${basePort + 5}` },
] as const;
const CLUSTER_SPEC = /(^|\/)cluster\.spec\.ts$/;
// `--project=cluster` (or any --project) starts only the servers of the projects asked for.
const asked = process.argv.flatMap((arg, i) =>
  arg.startsWith("--project=") ? [arg.slice(10)] : arg === "--project" ? [process.argv[i + 1] ?? ""] : [],
);
const wanted = (name: string) =>
  asked.length === 0 || asked.some((p) => p === name || p === `setup-${name}` || p === `teardown-${name}`);
// Against the two servers, the specs that test the browser's side run on one of them (tests/e2e/support/one-server.ts);
// against an external server, every spec runs.
checkOneServerSpecs("tests/e2e");
const targets = external
  ? [{ name: "external", baseURL: external, testIgnore: [CLUSTER_SPEC] }]
  : servers
      .filter((s) => s.name !== "cluster")
      .map((s) => ({
        name: s.name,
        baseURL: `http://127.0.0.1:${s.port}`,
        testIgnore: [...leftToTheOtherServer(s.name), CLUSTER_SPEC],
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
  // server share its demo accounts and data, so a project never runs two at once (workers: 1 below);
  // the cluster's one test runs beside them.
  workers: targets.length + (external ? 0 : 1),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: "reports/e2e.json" }]] : [["list"]],
  use: { trace: "retain-on-failure" },
  // Per server: sign each demo account in once (auth.setup.ts), run the tests with those sessions
  // (fixtures.ts `as(role)`), then check that no test ended one of them (auth.teardown.ts).
  projects: [
    ...targets.flatMap(({ name, baseURL, testIgnore }) => [
      {
        name: `setup-${name}`,
        testMatch: /auth\.setup\.ts$/,
        teardown: `teardown-${name}`,
        use: { ...chromium, baseURL },
      },
      { name: `teardown-${name}`, testMatch: /auth\.teardown\.ts$/, use: { ...chromium, baseURL } },
      { name, dependencies: [`setup-${name}`], workers: 1, testIgnore, use: { ...chromium, baseURL } },
    ]),
    // Signs in by itself (it signs out as well): no shared sessions, so no setup project.
    ...(external
      ? []
      : [
          {
            name: "cluster",
            testMatch: CLUSTER_SPEC,
            workers: 1,
            use: { ...chromium, baseURL: `http://127.0.0.1:${basePort + 5}` },
          },
        ]),
  ],
  webServer: external
    ? undefined
    : servers
        .filter((s) => wanted(s.name))
        .map((s) => ({
          command: `npx tsx --conditions=react-server ${s.command}`,
          url: `http://127.0.0.1:${s.port}/api/health`,
          timeout: 300_000,
          reuseExistingServer: false,
          // SIGTERM, so that scripts/e2e-server.ts stops its PostgreSQL server and removes the cluster.
          gracefulShutdown: { signal: "SIGTERM" as const, timeout: 15_000 },
          stdout: "pipe" as const,
          stderr: "pipe" as const,
        })),
});
