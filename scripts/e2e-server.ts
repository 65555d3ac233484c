// Serves the built app for the end-to-end tests: `tsx scripts/e2e-server.ts <port> <embedded|postgres>`.
// A fresh database each run (embedded under tmp/, or a throwaway PostgreSQL server under the system
// temp directory, as for the integration tests), migrated and seeded with the demo data through the
// same path as `npm start`. Build first (npm run test:e2e does).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pg from "pg";
import { SMTPServer } from "smtp-server";
import { setUpDatabase } from "@/lib/server/setup/database-setup";
import { startThrowawayPostgres } from "../tests/support/postgres";

const [port = "3100", kind = "embedded"] = process.argv.slice(2);
if (!existsSync(".next/BUILD_ID")) {
  console.error("No build found: run `npm run test:e2e`, which builds first.");
  process.exit(1);
}
const dataDir = path.resolve(`tmp/e2e-${kind}`);
rmSync(dataDir, { recursive: true, force: true });

// Stops the app and the PostgreSQL server and removes the cluster, once, however the run ends
// (Playwright sends SIGTERM: playwright.config.ts `gracefulShutdown`).
let stopApp = () => {};
let stopSmtp = () => {};
let stopPostgres = async () => {};
let stopping: Promise<void> | undefined;
const stop = (code: number) =>
  (stopping ??= (async () => {
    stopApp();
    stopSmtp();
    await stopPostgres();
    process.exit(code);
  })());
process.on("SIGTERM", () => void stop(0));
process.on("SIGINT", () => void stop(0));

let databaseUrl: string | undefined;
try {
  if (kind === "postgres") {
    // Not under tmp/: the postgres user may not be able to enter the checkout (tests/support/postgres.ts).
    const server = await startThrowawayPostgres();
    stopPostgres = server.stop;
    const admin = new pg.Client({ connectionString: `${server.baseUrl}/postgres` });
    await admin.connect();
    await admin.query("CREATE DATABASE conduct");
    await admin.end();
    databaseUrl = `${server.baseUrl}/conduct`;
  }
  const report = await setUpDatabase({ databaseUrl, dataDir }, { seed: true });
  console.log(`[e2e] ${report.kind} database seeded in ${report.ms} ms`);
} catch (err) {
  console.error("[e2e] could not set up the database:", err);
  await stop(1);
}

// A loopback SMTP server the app sends through (SMTP_URL): each message it accepts is written to
// tmp/e2e-mail-<kind>/<n>.eml, where tests/e2e/mail.spec.ts reads it (tests/e2e/support/mailbox.ts).
const mailDir = path.resolve(`tmp/e2e-mail-${kind}`);
rmSync(mailDir, { recursive: true, force: true });
mkdirSync(mailDir, { recursive: true });
let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS", "AUTH"],
  logger: false,
  onData(stream, _session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      const n = String(++received).padStart(5, "0");
      // Renamed once complete, so a reader never sees half a message.
      writeFileSync(path.join(mailDir, `${n}.part`), Buffer.concat(chunks));
      renameSync(path.join(mailDir, `${n}.part`), path.join(mailDir, `${n}.eml`));
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
stopSmtp = () => smtp.close();
const smtpPort = (smtp.server.address() as AddressInfo).port;

const env = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  CONDUCT_DATA_DIR: dataDir,
  DATABASE_URL: databaseUrl ?? "",
  PORT: port,
  HOSTNAME: "127.0.0.1",
  // Links in e-mail point at this server, unless the caller says otherwise: the TLS test passes ""
  // (unset), so that its proxy's X-Forwarded-Proto decides Secure cookies and HSTS.
  APP_URL: process.env.APP_URL ?? `http://127.0.0.1:${port}`,
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  // The suite signs up many organisations from 127.0.0.1; the limit itself is tested in
  // tests/integration/sign-in-limits.test.ts.
  CONDUCT_SIGN_UP_LIMIT: process.env.CONDUCT_SIGN_UP_LIMIT ?? "1000",
  // A tick every minute, so that a test waiting for a reminder waits a minute rather than five.
  CONDUCT_NOTIFY_EVERY_MINUTES: process.env.CONDUCT_NOTIFY_EVERY_MINUTES ?? "1",
};
// As `npm start` serves (scripts/serve.mjs), so the client address is known the same way.
const next = spawn(process.execPath, ["scripts/serve.mjs"], {
  stdio: "inherit",
  env,
});
stopApp = () => void next.kill("SIGTERM");
next.on("exit", (code) => void stop(code ?? 1));
