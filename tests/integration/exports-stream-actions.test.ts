// The actions and decisions exports stream every row in keyset pages: they stopped at 100,000 actions
// and 20,000 decisions without saying so. A page boundary must neither skip nor repeat rows whose sort
// keys are equal (actions sort by status, then due day with undated last, then id).
import { describe, expect, it } from "vitest";
import { database, db } from "@/lib/server/db";
import { exportActionsCsv } from "@/lib/server/data/action-lists";
import { exportDecisionsCsv } from "@/lib/server/data/decision-log";
import { listAuditEvents } from "@/lib/server/data/audit-trail";
import { ActionFilter } from "@/lib/schemas/actions";
import { parseCsv } from "@/lib/domain/csv";
import { buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";
import { readText } from "./support/read-text";

const TODAY = "2026-06-15";
const ALL = ActionFilter.parse({ scope: "all" });
const lines = (csv: string) => csv.split("\r\n").filter((l) => l !== "").length;
type Scenario = Awaited<ReturnType<typeof buildOrgScenario>>;

/** The chunks of a download as the reader gets them: the header alone, then one per page. */
async function chunks(stream: Promise<ReadableStream<Uint8Array>>): Promise<string[]> {
  const out: string[] = [];
  const decoder = new TextDecoder();
  const reader = (await stream).getReader();
  for (let next = await reader.read(); !next.done; next = await reader.read()) out.push(decoder.decode(next.value));
  return out;
}

const STATUSES = ["OPEN", "DONE", "DROPPED"] as const;
/** Action g: status g % 3, due day g % 4 days after 2026-06-01 or none when g % 5 = 0: ties everywhere. */
const actionOf = (g: number) => ({
  title: `t${String(g).padStart(7, "0")}`,
  status: STATUSES[g % 3]!,
  dueOn: g % 5 === 0 ? null : `2026-06-0${1 + (g % 4)}`,
});

async function actions(s: Scenario, count: number, prefix = s.org.id) {
  await database().sql.query(
    `INSERT INTO "ActionItem" ("id", "organizationId", "title", "ownerId", "createdById", "status", "dueOn", "dropReason", "updatedAt")
     SELECT $4 || '-' || lpad(g::text, 7, '0'), $1, 't' || lpad(g::text, 7, '0'), $2, $2,
            (ARRAY['OPEN', 'DONE', 'DROPPED'])[g % 3 + 1]::"ActionStatus",
            CASE WHEN g % 5 = 0 THEN NULL ELSE date '2026-06-01' + (g % 4) END,
            CASE WHEN g % 3 = 2 THEN 'no longer needed' ELSE '' END, now()
       FROM generate_series(1, $3::int) g`,
    [s.org.id, s.member.membership.id, count, prefix],
  );
}

/** Titles in the list's order: open, done, dropped; soonest due first, undated last; then by id. */
function expectedTitles(count: number, prefix: string) {
  const rank = (g: number) => {
    const a = actionOf(g);
    return `${STATUSES.indexOf(a.status)}|${a.dueOn ?? "9999-99-99"}|${prefix}-${String(g).padStart(7, "0")}`;
  };
  return Array.from({ length: count }, (_, i) => i + 1)
    .sort((a, b) => (rank(a) < rank(b) ? -1 : 1))
    .map((g) => actionOf(g).title);
}

async function decisions(s: Scenario, count: number, answers: number) {
  await database().sql.query(
    `INSERT INTO "Decision" ("id", "organizationId", "title", "status", "createdById", "createdAt", "updatedAt")
     SELECT 'd' || $3 || lpad(g::text, 7, '0'), $1, 'd' || lpad(g::text, 7, '0'), 'DECIDED'::"DecisionStatus", $2,
            timestamp '2026-01-01' + (g % 3) * interval '1 second', now()
       FROM generate_series(1, $4::int) g`,
    [s.org.id, s.manager.membership.id, s.org.id, count],
  );
  await database().sql.query(
    `INSERT INTO "DecisionAnswer" ("id", "organizationId", "decisionId", "position", "question", "answer")
     SELECT 'da' || $2 || lpad(g::text, 7, '0') || '-' || p, $1, 'd' || $2 || lpad(g::text, 7, '0'), p, 'Q' || p, 'a' || g || '-' || p
       FROM generate_series(1, $3::int) g, generate_series(0, $4::int - 1) p`,
    [s.org.id, s.org.id, count, answers],
  );
}

async function lastExport(ctx: Awaited<ReturnType<typeof contextFor>>, action: string) {
  await expect.poll(async () => (await listAuditEvents(ctx, { action })).rows.length).toBeGreaterThan(0);
  const [event] = (await listAuditEvents(ctx, { action })).rows;
  return { outcome: event!.outcome, details: JSON.parse(event!.details) as unknown };
}

describe("actions and decisions exports without a cap", () => {
  // Across many pages rather than beyond the old caps (100,000 actions, 20,000 decisions): loading that many took two
  // minutes a database, and the paging tests below already fail on the old, unpaged exports.
  it("exports every action, across many pages, in the list's order, and records how many", async () => {
    const s = await buildOrgScenario(db());
    const [manager, admin] = await Promise.all([
      contextFor(s.manager.user.id, s.org.id),
      contextFor(s.admin.user.id, s.org.id),
    ]);
    const count = 2_501;
    await actions(s, count);
    const rows = parseCsv(await readText(exportActionsCsv(manager, ALL, TODAY, 200)));
    expect(rows).toHaveLength(1 + count);
    const titles = rows.slice(1).map((r) => r[0]);
    expect(new Set(titles).size).toBe(count);
    expect(titles).toEqual(expectedTitles(count, s.org.id));
    expect(await lastExport(admin, "action.export")).toEqual({ outcome: "ok", details: { rows: count } });
  }, 300_000);

  it("exports every decision, across many pages, each question beside its answer, and records how many", async () => {
    const s = await buildOrgScenario(db());
    const [manager, admin] = await Promise.all([
      contextFor(s.manager.user.id, s.org.id),
      contextFor(s.admin.user.id, s.org.id),
    ]);
    const count = 1_201;
    await decisions(s, count, 2);
    const rows = parseCsv(await readText(exportDecisionsCsv(manager, {}, 100)));
    expect(rows[0]!.slice(9)).toEqual(["question_1", "answer_1", "question_2", "answer_2"]);
    expect(rows).toHaveLength(1 + count);
    expect(new Set(rows.slice(1).map((r) => r[0])).size).toBe(count);
    const last = rows.find((r) => r[0] === "d0001201")!;
    expect(last.slice(9)).toEqual(["Q0", "a1201-0", "Q1", "a1201-1"]);
    expect(await lastExport(admin, "decision.export")).toEqual({ outcome: "ok", details: { rows: count } });
  }, 300_000);
});

describe("actions and decisions exports in keyset pages", () => {
  it("neither skip nor repeat actions with equal status and due day at a page boundary", async () => {
    const s = await buildOrgScenario(db());
    const manager = await contextFor(s.manager.user.id, s.org.id);
    await actions(s, 37);
    const all = await readText(exportActionsCsv(manager, ALL, TODAY));
    expect(
      parseCsv(all)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(expectedTitles(37, s.org.id));
    for (const size of [1, 2, 5, 36, 37, 38]) {
      const paged = await chunks(exportActionsCsv(manager, ALL, TODAY, size));
      expect(paged.join(""), `pages of ${size}`).toBe(all);
      expect(paged.map(lines), `pages of ${size}`).toEqual([
        1,
        ...Array.from({ length: Math.ceil(37 / size) }, (_, i) => Math.min(size, 37 - i * size)),
      ]);
    }
  });

  it("reads a page only when asked; an action added ahead of the export is in it once, one behind is not", async () => {
    const s = await buildOrgScenario(db());
    const [manager, admin] = await Promise.all([
      contextFor(s.manager.user.id, s.org.id),
      contextFor(s.admin.user.id, s.org.id),
    ]);
    await actions(s, 20);
    const reader = (await exportActionsCsv(manager, ALL, TODAY, 4)).getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text).toMatch(/^title,owner,status,due,overdue,/);
    expect(lines(text)).toBe(1);
    const first = decoder.decode((await reader.read()).value);
    expect(lines(first)).toBe(4); // one page, not the file
    text += first;
    // Mid-export: one open action due before everything (behind the export: not in it), one
    // dropped and undated (ahead: last in the file), each exactly once or not at all.
    const add = (id: string, title: string, status: string, dueOn: string | null) =>
      database().sql.query(
        `INSERT INTO "ActionItem" ("id", "organizationId", "title", "ownerId", "createdById", "status", "dueOn", "dropReason", "updatedAt")
         VALUES ($1, $2, $3, $4, $4, $5::"ActionStatus", $6::date, $7, now())`,
        [id, s.org.id, title, s.member.membership.id, status, dueOn, status === "DROPPED" ? "gone" : ""],
      );
    await add(`${s.org.id}-behind`, "behind", "OPEN", "2026-05-01");
    await add(`${s.org.id}-zzahead`, "ahead", "DROPPED", null);
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      expect(lines(decoder.decode(next.value))).toBeLessThanOrEqual(4);
      text += decoder.decode(next.value);
    }
    const titles = parseCsv(text)
      .slice(1)
      .map((r) => r[0]);
    expect(titles).toEqual([...expectedTitles(20, s.org.id), "ahead"]);
    expect(await lastExport(admin, "action.export")).toEqual({ outcome: "ok", details: { rows: 21 } });
  });

  it("records an actions download that broke off as failed, with the rows sent", async () => {
    const s = await buildOrgScenario(db());
    const [manager, admin] = await Promise.all([
      contextFor(s.manager.user.id, s.org.id),
      contextFor(s.admin.user.id, s.org.id),
    ]);
    await actions(s, 10);
    const reader = (await exportActionsCsv(manager, ALL, TODAY, 3)).getReader();
    await reader.read(); // the header
    await reader.read(); // one page
    await reader.cancel();
    expect(await lastExport(admin, "action.export")).toEqual({
      outcome: "failed",
      details: { rows: 3, complete: false },
    });
  });

  it("neither skip nor repeat decisions with equal times; one recorded during the export is left out", async () => {
    const s = await buildOrgScenario(db());
    const [manager, admin] = await Promise.all([
      contextFor(s.manager.user.id, s.org.id),
      contextFor(s.admin.user.id, s.org.id),
    ]);
    await decisions(s, 23, 3);
    const all = await readText(exportDecisionsCsv(manager, {}));
    const titles = parseCsv(all)
      .slice(1)
      .map((r) => r[0]);
    // Newest first (three equal times), ties by id, descending.
    const expected = Array.from({ length: 23 }, (_, i) => i + 1).sort((a, b) => (b % 3) - (a % 3) || b - a);
    expect(titles).toEqual(expected.map((g) => `d${String(g).padStart(7, "0")}`));
    for (const size of [1, 4, 22, 23, 24]) {
      const paged = await chunks(exportDecisionsCsv(manager, {}, size));
      expect(paged.join(""), `pages of ${size}`).toBe(all);
      expect(paged.length, `pages of ${size}`).toBe(1 + Math.ceil(23 / size));
    }

    const reader = (await exportDecisionsCsv(manager, {}, 5)).getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(lines(text)).toBe(1);
    text += decoder.decode((await reader.read()).value);
    expect(lines(text)).toBe(6);
    // Newer than every decision and with more questions than the header's columns.
    await database().sql.query(
      `INSERT INTO "Decision" ("id", "organizationId", "title", "status", "createdById", "createdAt", "updatedAt")
       VALUES ($1, $2, 'late', 'DECIDED'::"DecisionStatus", $3, timestamp '2026-01-02', now())`,
      [`late-${s.org.id}`, s.org.id, s.manager.membership.id],
    );
    for (let p = 0; p < 5; p++)
      await database().sql.query(
        `INSERT INTO "DecisionAnswer" ("id", "organizationId", "decisionId", "position", "question", "answer")
         VALUES ($1, $2, $3, $4, 'Q', 'A')`,
        [`late-${s.org.id}-${p}`, s.org.id, `late-${s.org.id}`, p],
      );
    for (;;) {
      const next = await reader.read();
      if (next.done) break;
      text += decoder.decode(next.value);
    }
    expect(text).toBe(all);
    expect(await lastExport(admin, "decision.export")).toEqual({ outcome: "ok", details: { rows: 23 } });
  });
});
