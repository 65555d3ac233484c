// `npm start` and `npm run start:cluster` with DATABASE_URL (docs/decisions/029) refuse to start without
// the secrets every process shares, and on a database `npm run db:migrate` has not brought up to date,
// before they build or serve anything.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { scratchDatabase } from "./support/scratch";

const KEY = Buffer.alloc(32, 7).toString("base64");
const SECRET = "s".repeat(40);

function run(script: "start" | "cluster", env: Record<string, string>) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", `scripts/${script}.ts`], {
    encoding: "utf8",
    timeout: 60_000,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: "production",
      CONDUCT_DATA_DIR: "memory://",
      ...env,
    },
  });
  return { code: result.status, stderr: result.stderr };
}

describe("starting on PostgreSQL", () => {
  // Nothing listens here: the refusal comes before any connection.
  const unreachable = "postgresql://conduct@127.0.0.1:9/conduct";

  it.each(["start", "cluster"] as const)(
    "%s refuses without AUTH_SECRET and the actions key, naming them",
    (script) => {
      const both = run(script, { DATABASE_URL: unreachable });
      expect(both.code).toBe(2);
      expect(both.stderr).toContain(
        "With DATABASE_URL set, AUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be set",
      );
      if (script === "cluster") return; // the same check as start's
      const key = run(script, { DATABASE_URL: unreachable, AUTH_SECRET: SECRET });
      expect(key.code).toBe(2);
      expect(key.stderr).toContain("With DATABASE_URL set, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be set");
      const secret = run(script, { DATABASE_URL: unreachable, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY });
      expect(secret.code).toBe(2);
      expect(secret.stderr).toContain("With DATABASE_URL set, AUTH_SECRET must be set");
    },
  );

  it("refuses an actions key that is not base64 of an AES key", () => {
    const bad = run("start", {
      DATABASE_URL: unreachable,
      AUTH_SECRET: SECRET,
      NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: "abc",
    });
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain("NEXT_SERVER_ACTIONS_ENCRYPTION_KEY must be base64 of 16, 24 or 32 bytes");
  });

  it("refuses a database without this version's migrations, saying to run db:migrate", async () => {
    const scratch = await scratchDatabase();
    try {
      const [row] = await scratch.sql.query<{ name: string }>(`SELECT current_database() AS name`);
      const url = `${process.env.CONDUCT_TEST_PG_URL}/${row!.name}`;
      const env = { DATABASE_URL: url, AUTH_SECRET: SECRET, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: KEY };
      for (const script of ["start", "cluster"] as const) {
        const empty = run(script, env);
        expect(empty.code).toBe(2);
        expect(empty.stderr).toMatch(/The database lacks \d+ migration\(s\) this version of Conduct needs/);
        expect(empty.stderr).toContain("run `npm run db:migrate` first.");
      }
    } finally {
      await scratch.drop();
    }
  });
});
