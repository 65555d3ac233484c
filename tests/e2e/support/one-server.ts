// Which e2e specs run against one of the two servers only (docs/decisions/027). Every spec that drives a flow
// through the data layer runs on both; these test the browser's side of the app (pages, headers, forms, the
// phone, accessibility, mail and webhooks as the user meets them), whose database half the integration suite
// already runs on both databases. Each goes to the server whose run it balances, so the two runs, which go side
// by side, end together. A file named here and missing from tests/e2e fails the config (checkOneServerSpecs).
import { existsSync } from "node:fs";
import path from "node:path";

export const ONE_SERVER_SPECS = {
  embedded: [
    "cue-webhook",
    "forms-failure",
    "https",
    "mail",
    "privacy",
    "security",
    "sso",
    "survey-closing",
    "time-zones",
    "video-test",
    "webhooks",
  ],
  postgres: [
    "accessibility",
    "cues",
    "digest-outbox",
    "erasure",
    "offline",
    "password-reset",
    "phone",
    "profile",
    "scim",
    "shell",
    "sign-in-hardening",
    "sign-in-limits",
  ],
} as const;

export type ServerName = keyof typeof ONE_SERVER_SPECS;

/** The specs the given server leaves to the other one, as Playwright testIgnore patterns. */
export function leftToTheOtherServer(server: ServerName): RegExp[] {
  const other = server === "embedded" ? "postgres" : "embedded";
  return ONE_SERVER_SPECS[other].map((spec) => new RegExp(`(^|/)${spec}\\.spec\\.ts$`));
}

/** Throws when a name above is not a spec file, so a renamed spec is never silently dropped or doubled. */
export function checkOneServerSpecs(testDir: string): void {
  const named = [...ONE_SERVER_SPECS.embedded, ...ONE_SERVER_SPECS.postgres];
  const missing = named.filter((spec) => !existsSync(path.join(testDir, `${spec}.spec.ts`)));
  const twice = named.filter((spec, i) => named.indexOf(spec) !== i);
  if (missing.length || twice.length)
    throw new Error(
      `tests/e2e/support/one-server.ts: no such spec ${missing.join(", ")}; named twice ${twice.join(", ")}`,
    );
}
