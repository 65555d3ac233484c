// Dates and times a person reads in the audit trail CSV and on the honesty page are on the
// organisation's clock (issue 17), not UTC's: in Auckland (NZDT, +13) 22:30 UTC on 1 March is 11:30
// on 2 March, a day later.
import { describe, expect, it } from "vitest";
import { database, db } from "@/lib/server/db";
import { exportAuditCsv } from "@/lib/server/data/audit-trail";
import { listHonestyFlags } from "@/lib/server/data/honesty";
import { parseCsv } from "@/lib/domain/csv";
import { buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";
import { readText } from "./support/read-text";

const ZONE = "Pacific/Auckland";

async function aucklandScenario() {
  const s = await buildOrgScenario(db());
  await db().organization.update({ where: { id: s.org.id }, data: { timeZone: ZONE } });
  return s;
}

describe("the organisation's clock in exports and the honesty page", () => {
  it("gives each audit event its local day and time in the CSV, the zone named, the UTC instant kept", async () => {
    const s = await aucklandScenario();
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const event = (id: string, at: string) =>
      database().sql.query(
        `INSERT INTO "AuditEvent" ("id", "organizationId", "action", "outcome", "at") VALUES ($1, $2, 'zone.test', 'ok', $3::timestamp(3))`,
        [`${s.org.id}-${id}`, s.org.id, at],
      );
    await event("late-evening", "2026-03-01T22:30:00.000Z"); // 2 March, 11:30 in Auckland
    await event("next-day", "2026-03-02T11:30:00.000Z"); // 3 March, 00:30 in Auckland
    await event("day-before", "2026-03-01T10:59:59.000Z"); // 1 March, 23:59:59 in Auckland

    const rows = parseCsv(
      await readText(exportAuditCsv(admin, { action: "zone.", from: "2026-03-02", to: "2026-03-02" })),
    );
    expect(rows[0]!.slice(-3)).toEqual(["day", "local_time", "time_zone"]);
    // The filter's day and the row's day are the same day: Auckland's 2 March.
    expect(rows.slice(1).map((r) => [r[0], ...r.slice(-3)])).toEqual([
      ["2026-03-01T22:30:00.000Z", "2026-03-02", "11:30:00", ZONE],
    ]);

    const all = parseCsv(await readText(exportAuditCsv(admin, { action: "zone." })));
    expect(all.slice(1).map((r) => r.slice(-3))).toEqual([
      ["2026-03-03", "00:30:00", ZONE],
      ["2026-03-02", "11:30:00", ZONE],
      ["2026-03-01", "23:59:59", ZONE],
    ]);
  });

  it("shows a burst logged late in the UTC evening on the next local day, in the reader's zone", async () => {
    const s = await aucklandScenario();
    // The guard names people, so an admin reads it (docs/decisions/036).
    const admin = await contextFor(s.admin.user.id, s.org.id);
    // Five taps ten seconds apart, 22:29:50–22:30:30 UTC on 1 March: a burst.
    await database().sql.query(
      `INSERT INTO "Observation" ("id", "organizationId", "behaviourId", "teamId", "observerId", "occurredAt", "createdAt", "updatedAt", "performed", "missed", "source")
       SELECT $1 || g, $2, $3, $4, $5, t, t, t, 1, 0, 'LOG'::"ObservationSource"
         FROM generate_series(1, 5) g, LATERAL (SELECT timestamp '2026-03-01 22:29:40' + g * interval '10 seconds' AS t) x`,
      [`${s.org.id}-burst-`, s.org.id, s.behaviour.id, s.team.id, s.member.membership.id],
    );
    const now = new Date("2026-03-05T00:00:00Z");
    const [flag] = await listHonestyFlags(admin, now);
    expect(flag).toEqual({
      kind: "burst",
      observerName: s.member.user.name,
      count: 5,
      from: "2026-03-01T22:29:50.000Z",
      to: "2026-03-01T22:30:30.000Z",
      span: "2 Mar, 11:29–11:30",
    });

    // A reader who chose their own zone sees it in theirs (PST, −8): still 1 March there.
    await db().user.update({ where: { id: s.admin.user.id }, data: { timeZone: "America/Los_Angeles" } });
    const angeleno = await contextFor(s.admin.user.id, s.org.id);
    expect(admin.displayTimeZone).toBe(ZONE);
    expect((await listHonestyFlags(angeleno, now)).map((f) => f.span)).toEqual(["1 Mar, 14:29–14:30"]);
  });
});
