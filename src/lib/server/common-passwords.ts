import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

let common: Set<string> | undefined;

/** True when the password (ignoring case) is on the shipped list of the most common passwords. */
export function isCommonPassword(password: string): boolean {
  common ??= new Set(
    readFileSync(path.join(process.cwd(), "src", "lib", "server", "common-passwords.txt"), "utf8")
      .split("\n")
      .filter((l) => l && !l.startsWith("#")),
  );
  return common.has(password.toLowerCase());
}

export const COMMON_PASSWORD_MESSAGE =
  "This is one of the most common passwords, so it is guessed first. Choose another.";
