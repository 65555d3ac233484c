// The organisation backup streams (issue 15, item 13; docs/decisions/016): the same document as
// before, written page by page; other requests are answered while it downloads; what changes
// meanwhile never makes a file the import would refuse.
import { describe, expect, it } from "vitest";
import { database, db } from "@/lib/server/db";
import { exportOrganisation } from "@/lib/server/data/backup-export";
import { EXPORT_PAGE_SIZE } from "@/lib/server/data/keyset";
import { importOrganisationFile } from "@/lib/server/data/backup";
import { createOrganizationFor } from "@/lib/server/data/accounts";
import { parseBackupDocument } from "@/lib/schemas/backup";
import { buildOrgScenario, buildTeam } from "../factories";
import { contextFor } from "./support/context";

const OBSERVATIONS = 3 * EXPORT_PAGE_SIZE + 1; // three pages and a bit

async function bigOrganisation() {
  const s = await buildOrgScenario(db());
  await database().sql.query(
    `INSERT INTO "Observation" ("id", "organizationId", "behaviourId", "teamId", "occurredAt", "updatedAt", "performed", "missed", "source")
     SELECT $4 || lpad(g::text, 6, '0'), $1, $2, $3, timestamp '2026-01-01 12:00' - (g % 500) * interval '1 day', now(), g % 2, 1 - g % 2, 'IMPORT'::"ObservationSource"
       FROM generate_series(1, $5::int) g`,
    [s.org.id, s.behaviour.id, s.team.id, `${s.org.id}-`, OBSERVATIONS],
  );
  return { s, admin: await contextFor(s.admin.user.id, s.org.id) };
}

/** Reads chunks until the file has reached `text` (e.g. a table's name). */
async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string): Promise<string> {
  const decoder = new TextDecoder();
  let got = "";
  while (!got.includes(text)) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`the file ended before ${text}`);
    got += decoder.decode(value, { stream: true });
  }
  return got;
}

const within = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)),
  ]);

describe("streamed organisation backup", () => {
  it("writes the document of decision 008 in pages, which the import accepts", async () => {
    const { s, admin } = await bigOrganisation();
    const stream = await exportOrganisation(admin, new Date("2026-06-01T00:00:00Z"));
    const reader = stream.getReader();
    let text = "";
    let chunks = 0;
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
      chunks++;
    }
    const doc = JSON.parse(text);
    expect(JSON.stringify(doc)).toBe(text);
    expect(Object.keys(doc)).toEqual(["format", "version", "exportedAt", "organisation", "users", "tables"]);
    expect(doc.exportedAt).toBe("2026-06-01T00:00:00.000Z");
    expect(doc.tables.Observation).toHaveLength(OBSERVATIONS);
    expect(new Set(doc.tables.Observation.map((o: { id: string }) => o.id)).size).toBe(OBSERVATIONS);
    expect(chunks).toBeGreaterThan(24 + 3); // a chunk per table and per page at least
    expect(parseBackupDocument(text).ok).toBe(true);

    const restored = await contextFor(admin.userId, await createOrganizationFor(admin.userId, s.org.name));
    const result = await importOrganisationFile(restored, text);
    expect(result.rows.Observation).toBe(OBSERVATIONS);
    const events = await db().auditEvent.findMany({
      where: { organizationId: s.org.id, action: "organization.backup-export" },
      select: { outcome: true, details: true },
    });
    expect(events).toEqual([
      { outcome: "ok", details: expect.objectContaining({ users: 4, Observation: OBSERVATIONS }) },
    ]);
  }, 120_000);

  it("answers other requests while a download waits half-way, and leaves out what was logged meanwhile", async () => {
    const { s, admin } = await bigOrganisation();
    const reader = (await exportOrganisation(admin)).getReader();
    const head = await readUntil(reader, '"Observation":[');
    // The reader is slow: the export waits, holding one page. Another request is answered now,
    // on the embedded database too (one connection: a transaction held open would block it).
    expect(await within(db().team.count({ where: { organizationId: s.org.id } }), 5_000)).toBe(1);
    const late = await db().observation.create({
      data: {
        organizationId: s.org.id,
        behaviourId: s.behaviour.id,
        teamId: s.team.id,
        occurredAt: new Date("2030-01-01T00:00:00Z"), // after every other row, so on the last page
        performed: 1,
        missed: 0,
        source: "LOG",
      },
      select: { id: true },
    });
    let rest = "";
    const decoder = new TextDecoder();
    for (let r = await reader.read(); !r.done; r = await reader.read())
      rest += decoder.decode(r.value, { stream: true });
    const doc = JSON.parse(head + rest);
    expect(doc.tables.Observation).toHaveLength(OBSERVATIONS);
    expect(doc.tables.Observation.some((o: { id: string }) => o.id === late.id)).toBe(false);
  }, 120_000);

  it("never writes a file the import would refuse when rows change during the download", async () => {
    const { s, admin } = await bigOrganisation();
    const reader = (await exportOrganisation(admin)).getReader();
    const head = await readUntil(reader, '"users":[');
    // A team made, and a member put in it, while the file is being written.
    const team = await buildTeam(db(), s.org.id);
    await db().teamMember.create({
      data: { organizationId: s.org.id, teamId: team.id, membershipId: s.member.membership.id },
    });
    const rest = (async () => {
      let text = "";
      const decoder = new TextDecoder();
      for (let r = await reader.read(); !r.done; r = await reader.read())
        text += decoder.decode(r.value, { stream: true });
      return text;
    })();
    if (database().kind === "postgres") {
      // One snapshot: neither the team nor its member are in the file.
      const doc = JSON.parse(head + (await rest));
      expect(doc.tables.Team.some((t: { id: string }) => t.id === team.id)).toBe(false);
      expect(doc.tables.TeamMember.some((t: { teamId: string }) => t.teamId === team.id)).toBe(false);
    } else {
      // Pages of their own: the team is after the cut-off, its membership row has no date; the
      // download breaks off rather than ending as a backup that cannot be restored.
      await expect(rest).rejects.toThrow(/TeamMember.teamId refers to a Team that is not in the file/);
      const [event] = await db().auditEvent.findMany({
        where: { organizationId: s.org.id, action: "organization.backup-export" },
        select: { outcome: true, details: true },
      });
      expect(event).toMatchObject({ outcome: "failed", details: expect.objectContaining({ complete: false }) });
    }
  }, 120_000);
});
