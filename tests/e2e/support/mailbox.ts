// The e2e servers' loopback SMTP server writes what it receives to tmp/e2e-mail-<server>/
// (scripts/e2e-server.ts): this reads it back, parsed.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { simpleParser, type ParsedMail } from "mailparser";
import type { TestInfo } from "@playwright/test";

/** The mail folder of the server this test runs against, or null for an external server. */
export function mailboxOf(info: TestInfo): string | null {
  const dir = path.resolve(`tmp/e2e-mail-${info.project.name}`);
  return existsSync(dir) ? dir : null;
}

/** Every message received so far addressed to `to`. */
export async function messagesTo(dir: string, to: string): Promise<ParsedMail[]> {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".eml"))
    .sort();
  const parsed = await Promise.all(files.map((f) => simpleParser(readFileSync(path.join(dir, f)))));
  return parsed.filter((m) => {
    const list = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
    return list.some((a) => a.value.some((v) => v.address === to));
  });
}
