// Issue 15, item 11: committing an observation file twice (or re-importing it) doubled adoption.
// A repeat is refused with a message naming the earlier import, unless it is confirmed; two
// commits of one file at the same moment import it once. Runs on PGlite and on PostgreSQL.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { RuleError } from "@/lib/server/errors";
import { commitObservationImport, previewObservationImport } from "@/lib/server/data/observation-transfer";
import { IMPORT_ACTION } from "@/lib/server/data/observation-import-repeat";
import { formatAt } from "@/lib/domain/date-instants";
import { buildOrgScenario, buildTeam } from "../factories";
import { contextFor } from "./support/context";

const today = new Date().toISOString().slice(0, 10);
const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

async function scenario() {
  const s = await buildOrgScenario(db());
  const other = await buildTeam(db(), s.org.id);
  const admin = await contextFor(s.admin.user.id, s.org.id);
  const rows = [
    `${today},${s.team.name},${s.behaviour.title},4,1,sprint review`,
    `${yesterday},${other.name},${s.behaviour.title},2,3,`,
    `${today},${other.name},${s.behaviour.title},1,0,`,
  ];
  const file = `date,team,behaviour,performed,missed,note\n${rows.join("\n")}\n`;
  return { s, admin, rows, file };
}

async function adoption(orgId: string) {
  const sum = await db().observation.aggregate({
    where: { organizationId: orgId },
    _sum: { performed: true, missed: true },
    _count: true,
  });
  return { rows: sum._count, performed: sum._sum.performed ?? 0, missed: sum._sum.missed ?? 0 };
}

async function refusalOf(p: Promise<unknown>): Promise<RuleError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(RuleError);
  return err as RuleError;
}

describe("observation import is idempotent", () => {
  it("refuses the same file again, however it was re-saved, naming the earlier import; confirmed, it imports", async () => {
    const { s, admin, rows, file } = await scenario();
    expect(await commitObservationImport(admin, file)).toBe(3);
    const once = await adoption(s.org.id);
    expect(once).toEqual({ rows: 3, performed: 7, missed: 4 });

    // The same rows with CRLF line endings, other casing and in another order are the same file.
    const resaved = `Date,Team,Behaviour,Performed,Missed,Note\r\n${[rows[2], `${today},${s.team.name.toUpperCase()},${s.behaviour.title.toLowerCase()},4,1,sprint review`, rows[1]].join("\r\n")}\r\n`;
    const admins = await db().user.findUniqueOrThrow({ where: { id: s.admin.user.id }, select: { name: true } });
    const preview = await previewObservationImport(admin, resaved);
    expect(preview.repeat).toMatch(
      new RegExp(
        `^This file was already imported on \\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d\\d:\\d\\d by ${admins.name} \\(3 rows\\)\\.`,
      ),
    );
    // When, in the reader's zone (their own, else the organisation's), not in UTC.
    const { at } = await db().auditEvent.findFirstOrThrow({
      where: { organizationId: s.org.id, action: IMPORT_ACTION, outcome: "ok" },
      select: { at: true },
    });
    const inAuckland = await previewObservationImport({ ...admin, displayTimeZone: "Pacific/Auckland" }, resaved);
    expect(inAuckland.repeat).toContain(`already imported on ${formatAt(at, "Pacific/Auckland", "dateTime")} by`);
    const err = await refusalOf(commitObservationImport(admin, resaved));
    expect(err.field).toBe("repeat");
    expect(err.message).toBe(preview.repeat);
    expect(await adoption(s.org.id)).toEqual(once);

    // Confirmed ("Import again anyway"), it is imported once more, and only then.
    expect(await commitObservationImport(admin, resaved, { repeat: true })).toBe(3);
    expect(await adoption(s.org.id)).toEqual({ rows: 6, performed: 14, missed: 8 });
    await expect(commitObservationImport(admin, file)).rejects.toThrow(/already imported/);
  });

  it("refuses a file that repeats some rows of an earlier one, counting them", async () => {
    const { s, admin, rows, file } = await scenario();
    await commitObservationImport(admin, file);
    const overlap = `date,team,behaviour,performed,missed,note\n${rows[1]}\n${today},${s.team.name},${s.behaviour.title},9,9,new\n`;
    const err = await refusalOf(commitObservationImport(admin, overlap));
    expect(err.message).toMatch(
      /^1 of these 2 rows \(the first on line 2\) were already imported on \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d\./,
    );
    expect((await adoption(s.org.id)).rows).toBe(3);
    // A row counted twice on purpose within one file is kept twice.
    const twice = `date,team,behaviour,performed,missed,note\n${rows[0]!.replace("4,1", "5,5")}\n${rows[0]!.replace("4,1", "5,5")}\n`;
    expect(await commitObservationImport(admin, twice)).toBe(2);
    // Another organisation's import of the same text is its own business.
    const elsewhere = await scenario();
    expect(await commitObservationImport(elsewhere.admin, elsewhere.file)).toBe(3);
  });

  it("imports a file once when two commits of it race (50 rounds)", async () => {
    const { s, admin, file } = await scenario();
    for (let round = 0; round < 50; round++) {
      // Each round a new file (its own note), committed twice at the same moment.
      const roundFile = file.replace("sprint review", `sprint review ${round}`).replace(/,\n/g, `,r${round}\n`);
      const results = await Promise.allSettled([
        commitObservationImport(admin, roundFile),
        commitObservationImport(admin, roundFile),
      ]);
      const ok = results.filter((r) => r.status === "fulfilled");
      const refused = results.filter(
        (r): r is PromiseRejectedResult => r.status === "rejected" && r.reason instanceof RuleError,
      );
      expect({ round, ok: ok.length, refused: refused.length }).toEqual({ round, ok: 1, refused: 1 });
      expect(refused[0]!.reason.message).toMatch(/^This file was already imported on /);
    }
    expect((await adoption(s.org.id)).rows).toBe(150);
  }, 120_000);
});
