// A backup carries the organisation's settings (format version 4): restored into a new
// organisation, its days stay the days they were. An observation logged for a day is stored at
// midday of that day in the organisation's zone, so read in another zone it can fall on another
// day; the import therefore restores the file's zone (and week start) before the rows go in.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { behaviourWeeks } from "@/lib/server/data/catalogue";
import { importOrganisation } from "@/lib/server/data/backup";
import { logBatch, logObservation } from "@/lib/server/data/observation-log";
import { setOrganizationCalendar } from "@/lib/server/data/organization-settings";
import { createOrganizationFor } from "@/lib/server/data/accounts";
import { RuleError } from "@/lib/server/errors";
import { parseBackupDocument } from "@/lib/schemas/backup";
import type { OrganisationBackup } from "@/lib/domain/backup";
import type { MemberContext } from "@/lib/server/data/accounts";
import { buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";
import { exportedBackup } from "./support/backup-file";

// Wednesday 28 October 2026, 15:00 UTC.
const NOW = new Date("2026-10-28T15:00:00Z");
// Monday 26 October, 08:00 in Auckland (NZDT, UTC+13): still Sunday 25 October in UTC.
const AUCKLAND_MONDAY_MORNING = new Date("2026-10-25T19:00:00Z");

let seq = 0;
const key = () => `bz-${Date.now().toString(36)}-${seq++}`;

/** The behaviour's weeks that have observations: week start → performed / opportunities. */
async function weekly(ctx: MemberContext, behaviourId: string): Promise<Record<string, string>> {
  const weeks = await behaviourWeeks(ctx, behaviourId, undefined, NOW);
  return Object.fromEntries(
    weeks.filter((w) => w.opportunities > 0).map((w) => [w.weekStart, `${w.performed}/${w.opportunities}`]),
  );
}

/** The organisation's daily summary: day → performed/missed. */
async function days(orgId: string): Promise<Record<string, string>> {
  const rows = await db().observationDaily.findMany({
    where: { organizationId: orgId },
    orderBy: { day: "asc" },
    select: { day: true, performed: true, missed: true },
  });
  const out: Record<string, string> = {};
  for (const r of rows) {
    const d = r.day.toISOString().slice(0, 10);
    const [p, m] = (out[d] ?? "0/0").split("/").map(Number);
    out[d] = `${p! + r.performed}/${m! + r.missed}`;
  }
  return out;
}

/** A parsed copy, as the upload is read (older versions upgraded). */
function reread(doc: unknown): OrganisationBackup {
  const r = parseBackupDocument(JSON.stringify(doc));
  if (!r.ok) throw new Error(r.message);
  return r.data;
}

let admin: MemberContext;
let behaviourId: string;
let file: OrganisationBackup;

beforeAll(async () => {
  const s = await buildOrgScenario(db());
  await db().teamMember.create({
    data: { organizationId: s.org.id, teamId: s.team.id, membershipId: s.member.membership.id },
  });
  await db().behaviour.update({ where: { id: s.behaviour.id }, data: { status: "ACTIVE" } });
  admin = await contextFor(s.admin.user.id, s.org.id);
  // Auckland, weeks starting on Sunday.
  await setOrganizationCalendar(admin, { timeZone: "Pacific/Auckland", weekStartsOn: 7 });
  const member = await contextFor(s.member.user.id, s.org.id);
  const base = { behaviourId: s.behaviour.id, teamId: s.team.id, note: "", anonymous: false };
  await logObservation(member, { ...base, outcome: "performed", idempotencyKey: key() }, AUCKLAND_MONDAY_MORNING);
  // Days logged with the batch form's date: stored at midday in Auckland, 23:00 the day before in UTC.
  for (const [occurredOn, performed] of [
    ["2026-10-24", 2],
    ["2026-10-25", 3],
    ["2026-10-26", 5],
  ] as const)
    await logBatch(member, { ...base, performed, opportunities: 6, occurredOn, idempotencyKey: key() }, NOW);
  behaviourId = s.behaviour.id;
  file = await exportedBackup(admin, NOW);
});

describe("a backup restored in a new organisation", () => {
  it("carries the organisation's zone and week start", () => {
    expect(file.version).toBe(4);
    expect(file.organisation).toMatchObject({ timeZone: "Pacific/Auckland", weekStartsOn: 7, mailMode: "SEND" });
  });

  it("takes the file's zone and week start, so every day and week reads as it did", async () => {
    const sourceWeeks = await weekly(await contextFor(admin.userId, admin.orgId), behaviourId);
    const sourceDays = await days(admin.orgId);
    expect(sourceDays).toEqual({ "2026-10-24": "2/4", "2026-10-25": "3/3", "2026-10-26": "6/1" });

    const targetId = await createOrganizationFor(admin.userId, "Restored in Auckland");
    const target = await contextFor(admin.userId, targetId);
    expect(target.timeZone).toBe("UTC");
    const result = await importOrganisation(target, reread(file));
    expect(result).toMatchObject({ timeZone: "Pacific/Auckland", zoneFromFile: true });

    const after = await contextFor(admin.userId, targetId);
    expect([after.timeZone, after.weekStartsOn]).toEqual(["Pacific/Auckland", 7]);
    expect(await days(targetId)).toEqual(sourceDays);
    const restoredBehaviour = await db().behaviour.findFirstOrThrow({
      where: { organizationId: targetId },
      select: { id: true },
    });
    expect(await weekly(after, restoredBehaviour.id)).toEqual(sourceWeeks);
  });

  it("leaves the organisation's own settings when the file carries none (version 3)", async () => {
    const targetId = await createOrganizationFor(admin.userId, "Restored in Los Angeles");
    const target = await contextFor(admin.userId, targetId);
    await setOrganizationCalendar(target, { timeZone: "America/Los_Angeles", weekStartsOn: 1 });
    const { organisation, ...rest } = file;
    const v3 = { ...rest, version: 3, organisation: { name: organisation.name } };
    const result = await importOrganisation(await contextFor(admin.userId, targetId), reread(v3));
    expect(result).toMatchObject({ timeZone: "America/Los_Angeles", zoneFromFile: false });
    const after = await contextFor(admin.userId, targetId);
    expect([after.timeZone, after.weekStartsOn]).toEqual(["America/Los_Angeles", 1]);
  });

  it("refuses a zone the database does not know, and imports nothing", async () => {
    const targetId = await createOrganizationFor(admin.userId, "Restored nowhere");
    const target = await contextFor(admin.userId, targetId);
    // A zone the runtime's list may have and the database's data not: stands in for one added since.
    const doc = reread(file);
    const unknown = { ...doc, organisation: { ...doc.organisation, timeZone: "Not/AZone" } };
    await expect(importOrganisation(target, unknown)).rejects.toThrow(RuleError);
    expect(await db().behaviour.count({ where: { organizationId: targetId } })).toBe(0);
    expect((await contextFor(admin.userId, targetId)).timeZone).toBe("UTC");
  });
});
