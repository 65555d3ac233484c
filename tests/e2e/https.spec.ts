import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { DEMO_PASSWORD, expect, test, USERS } from "./fixtures";

// Issue 15, item 6: session cookies are Secure and HSTS is sent when the browser comes over HTTPS.
// `next start` speaks plain HTTP, so HTTPS ends at a reverse proxy: here a small Node TLS proxy on
// loopback with a certificate made for the test by Debian's openssl, in front of a server of our
// own started with TRUST_PROXY_HOPS=1 (the shared e2e servers trust no proxy).

test("over plain HTTP, a client's own X-Forwarded-Proto: https gets no Secure cookie and no HSTS", async ({
  playwright,
  baseURL,
}) => {
  const client = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "X-Forwarded-Proto": "https" } });
  const page = await client.get("/sign-in");
  expect(page.status()).toBe(200);
  expect(page.headers()["strict-transport-security"]).toBeUndefined();
  const csrf = await client.get("/api/auth/csrf");
  expect(csrf.headers()["strict-transport-security"]).toBeUndefined();
  const cookies = csrf.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie");
  expect(cookies.map((c) => c.value.split("=")[0])).toContain("next-auth.csrf-token");
  for (const c of cookies) expect(c.value).not.toMatch(/;\s*secure/i);
  await client.dispose();
});

test.describe("behind a TLS-terminating proxy", () => {
  const appPort = Number(process.env.E2E_PORT ?? 3100) + 2;
  let app: ChildProcess | undefined;
  let proxy: https.Server | undefined;
  let certDir = "";
  let proxyUrl = "";

  test.beforeAll(async ({}, info) => {
    // One server of its own is enough: this is about transport, not the database.
    // It runs on the embedded server's turn only (tests/e2e/support/one-server.ts), and needs this checkout's build.
    test.skip(info.project.name === "external", "starts a server of its own from this checkout's build");
    // Starting and seeding a server of its own takes a while on a busy machine.
    test.setTimeout(300_000);
    certDir = mkdtempSync(path.join(tmpdir(), "conduct-tls-"));
    const made = spawnSync(
      "openssl",
      ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"].concat([
        "-addext",
        "subjectAltName=IP:127.0.0.1",
        "-keyout",
        "key.pem",
        "-out",
        "cert.pem",
      ]),
      { cwd: certDir, encoding: "utf8" },
    );
    expect(made.status, made.stderr).toBe(0);

    app = spawn("npx", ["tsx", "--conditions=react-server", "scripts/e2e-server.ts", String(appPort), "tls"], {
      // No APP_URL: behind the proxy, the forwarded proto is what says the app is served over HTTPS.
      env: { ...process.env, TRUST_PROXY_HOPS: "1", APP_URL: "" },
      stdio: "ignore",
      detached: true,
    });
    for (let i = 0; ; i++) {
      const up = await fetch(`http://127.0.0.1:${appPort}/api/health`).then(
        (r) => r.ok,
        () => false,
      );
      if (up) break;
      expect(i, "the TLS test server started").toBeLessThan(240);
      await new Promise((r) => setTimeout(r, 1000));
    }

    // What nginx does with `proxy_set_header X-Forwarded-Proto $scheme`: the proxy sets the header
    // itself, replacing whatever the client sent, and passes everything else through.
    proxy = https.createServer(
      { key: readFileSync(path.join(certDir, "key.pem")), cert: readFileSync(path.join(certDir, "cert.pem")) },
      (req, res) => {
        const upstream = http.request(
          {
            host: "127.0.0.1",
            port: appPort,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, "x-forwarded-proto": "https", "x-forwarded-for": req.socket.remoteAddress },
          },
          (r) => {
            res.writeHead(r.statusCode ?? 502, r.headers);
            r.pipe(res);
          },
        );
        upstream.on("error", () => res.writeHead(502).end());
        req.pipe(upstream);
      },
    );
    await new Promise<void>((resolve) => proxy!.listen(0, "127.0.0.1", resolve));
    proxyUrl = `https://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });

  test.afterAll(async () => {
    await new Promise((r) => (proxy ? proxy.close(r) : r(undefined)));
    // The server script stops next and removes its data when it gets SIGTERM (its process group).
    if (app?.pid) process.kill(-app.pid, "SIGTERM");
    if (certDir) rmSync(certDir, { recursive: true, force: true });
  });

  test("sign-in over HTTPS sets Secure session cookies, pages send HSTS, and the signed-in app works", async ({
    browser,
  }) => {
    const context = await browser.newContext({ baseURL: proxyUrl, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    const signInPage = await page.goto("/sign-in");
    expect(signInPage!.headers()["strict-transport-security"]).toBe("max-age=31536000");
    await page.getByLabel("E-mail").fill(USERS.member);
    await page.getByLabel("Password").fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();

    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "__Secure-next-auth.session-token");
    expect(session, cookies.map((c) => c.name).join(", ")).toBeDefined();
    expect(session!.secure).toBe(true);
    expect(session!.httpOnly).toBe(true);
    expect(cookies.find((c) => c.name === "__Host-next-auth.csrf-token")?.secure).toBe(true);
    for (const c of cookies.filter((c) => c.name.includes("next-auth"))) expect(c.secure, c.name).toBe(true);

    // The Secure cookie is read back: a signed-in page renders, with HSTS.
    const catalogue = await page.goto("/catalogue");
    expect(catalogue!.headers()["strict-transport-security"]).toBe("max-age=31536000");
    await expect(page.getByRole("heading", { level: 1, name: "Behaviour catalogue" })).toBeVisible();
    const api = await context.request.get("/api/auth/session");
    expect(api.headers()["strict-transport-security"]).toBe("max-age=31536000");
    expect(((await api.json()) as { user?: { email?: string } }).user?.email).toBe(USERS.member);
    await context.close();
  });
});
