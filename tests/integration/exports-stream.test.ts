// Exports stream every row in keyset pages (issue 15, item 13): the observation and audit exports
// stopped at 100,000 rows without saying so, and a page boundary must neither skip nor repeat rows
// whose sort keys are equal.
import { describe, expect, it } from "vitest";
import { database, db } from "@/lib/server/db";
import { exportObservationsCsv } from "@/lib/server/data/observation-transfer";
import { exportAuditCsv, listAuditEvents } from "@/lib/server/data/audit-trail";
import { exportReadingsCsv } from "@/lib/server/data/metric-readings";
import { parseCsv } from "@/lib/domain/csv";
import { buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";
import { readText } from "./support/read-text";

const OLD_CAP = 100_000;
const lines = (csv: string) => csv.split("\r\n").filter((l) => l !== "").length;

async function observations(s: Awaited<ReturnType<typeof buildOrgScenario>>, count: number, at: (g: string) => string) {
  await database().sql.query(
    `INSERT INTO "Observation" ("id", "organizationId", "behaviourId", "teamId", "occurredAt", "updatedAt", "performed", "missed", "note", "source")
     SELECT $5 || lpad(g::text, 7, '0'), $1, $2, $3, ${at("g")}, now(), 1, 0, 'n' || g, 'IMPORT'::"ObservationSource"
       FROM generate_series(1, $4::int) g`,
    [s.org.id, s.behaviour.id, s.team.id, count, `${s.org.id}-`],
  );
}

describe("exports without a cap", () => {
  it("exports every observation, beyond the old 100,000 rows", async () => {
    const s = await buildOrgScenario(db());
    const manager = await contextFor(s.manager.user.id, s.org.id);
    await observations(s, OLD_CAP + 1, (g) => `timestamp '2026-01-01 12:00' - ${g} * interval '1 minute'`);
    const csv = await readText(exportObservationsCsv(manager, {}));
    expect(lines(csv)).toBe(1 + OLD_CAP + 1);
    expect(csv.split("\r\n")[1]).toBe(`2026-01-01,${s.team.name},${s.behaviour.title},1,0,n1`);
    expect(csv.trimEnd().split("\r\n").at(-1)).toMatch(/,n100001$/);
  }, 300_000);

  it("exports every audit event, beyond the old 100,000 rows, and records how many", async () => {
    const s = await buildOrgScenario(db());
    const admin = await contextFor(s.admin.user.id, s.org.id);
    await database().sql.query(
      `INSERT INTO "AuditEvent" ("id", "organizationId", "action", "outcome", "at")
       SELECT 'a' || lpad(g::text, 7, '0'), $1, 'bulk.test', 'ok', timestamp '2026-01-01' - g * interval '1 second'
         FROM generate_series(1, $2::int) g`,
      [s.org.id, OLD_CAP + 1],
    );
    const csv = await readText(exportAuditCsv(admin, { action: "bulk." }));
    expect(lines(csv)).toBe(1 + OLD_CAP + 1);
    const trail = await listAuditEvents(admin, { action: "audit.export" });
    expect(JSON.parse(trail.rows[0]!.details)).toEqual({ rows: OLD_CAP + 1, filter: { action: "bulk." } });
  }, 300_000);
});

describe("keyset pages", () => {
  it("neither skip nor repeat observations with the same time at a page boundary", async () => {
    const s = await buildOrgScenario(db());
    const manager = await contextFor(s.manager.user.id, s.org.id);
    // 23 rows in three equal times: every page of 4 starts and ends among equal keys.
    await observations(s, 23, (g) => `timestamp '2026-03-01 12:00' + (${g} % 3) * interval '1 hour'`);
    const all = parseCsv(await readText(exportObservationsCsv(manager, {})));
    for (const size of [1, 4, 5, 22, 23, 24]) {
      const paged = parseCsv(await readText(exportObservationsCsv(manager, {}, size)));
      expect(paged, `pages of ${size}`).toEqual(all);
    }
    const notes = all.slice(1).map((r) => r[5]);
    expect(new Set(notes).size).toBe(23);
    // Newest first, ties by id (descending).
    const expected = Array.from({ length: 23 }, (_, i) => i + 1).sort(
      (a, b) => (b % 3) - (a % 3) || String(b).padStart(7, "0").localeCompare(String(a).padStart(7, "0")), // ids end in the padded number
    );
    expect(notes).toEqual(expected.map((g) => `n${g}`));
  });

  it("neither skip nor repeat audit events or readings with equal sort keys (mixed directions)", async () => {
    const s = await buildOrgScenario(db());
    const admin = await contextFor(s.admin.user.id, s.org.id);
    await database().sql.query(
      `INSERT INTO "AuditEvent" ("id", "organizationId", "action", "outcome", "at")
       SELECT 'e' || lpad(g::text, 3, '0'), $1, 'same.time', 'ok', timestamp '2026-02-01' + (g % 2) * interval '1 second'
         FROM generate_series(1, 17) g`,
      [s.org.id],
    );
    const all = await readText(exportAuditCsv(admin, { action: "same." }));
    expect(lines(all)).toBe(18);
    for (const size of [1, 3, 8, 16, 17])
      expect(await readText(exportAuditCsv(admin, { action: "same." }, size))).toBe(all);

    const metric = await db().metric.create({
      data: {
        organizationId: s.org.id,
        name: "Retention",
        unit: "%",
        kind: "CUSTOMER_OUTCOME",
        timing: "LAGGING",
        direction: "UP",
      },
    });
    await database().sql.query(
      `INSERT INTO "MetricReading" ("id", "organizationId", "metricId", "date", "value")
       SELECT 'r' || lpad(g::text, 3, '0'), $1, $2, date '2026-02-01' + (g % 3), g FROM generate_series(1, 14) g`,
      [s.org.id, metric.id],
    );
    const readings = await readText(exportReadingsCsv(admin));
    // Newest day first; on one day by id, ascending.
    expect(
      parseCsv(readings)
        .slice(1)
        .map((r) => Number(r[3])),
    ).toEqual([2, 5, 8, 11, 14, 1, 4, 7, 10, 13, 3, 6, 9, 12]);
    for (const size of [1, 2, 4, 13, 14]) expect(await readText(exportReadingsCsv(admin, size))).toBe(readings);
  });

  it("reads a page only when the reader asks for it, and records a download that broke off", async () => {
    const s = await buildOrgScenario(db());
    const admin = await contextFor(s.admin.user.id, s.org.id);
    await database().sql.query(
      `INSERT INTO "AuditEvent" ("id", "organizationId", "action", "outcome", "at")
       SELECT 'c' || lpad(g::text, 3, '0'), $1, 'cut.off', 'ok', timestamp '2026-02-01' + g * interval '1 second'
         FROM generate_series(1, 10) g`,
      [s.org.id],
    );
    const reader = (await exportAuditCsv(admin, { action: "cut." }, 3)).getReader();
    const decoder = new TextDecoder();
    const header = decoder.decode((await reader.read()).value);
    expect(header).toBe(
      "at,actor,action,target_type,target_id,outcome,ip,details,target_name,day,local_time,time_zone\r\n",
    );
    expect(lines(decoder.decode((await reader.read()).value))).toBe(3); // one page, not the file
    await reader.cancel();
    await expect.poll(async () => (await listAuditEvents(admin, { action: "audit.export" })).rows.length).toBe(1);
    const [event] = (await listAuditEvents(admin, { action: "audit.export" })).rows;
    expect(event).toMatchObject({ outcome: "failed" });
    expect(JSON.parse(event!.details)).toEqual({ rows: 3, filter: { action: "cut." }, complete: false });
  });
});
