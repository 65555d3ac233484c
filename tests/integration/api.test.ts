// The token API (issue 20, docs/decisions/031), driven through its real route handlers with real
// Requests on both databases. Every response is also checked against the served OpenAPI document
// (support/api-client.ts), and the last test asserts that every operation was seen succeeding and
// failing, so this file is the conformance test as well.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/server/data/api-tokens";
import { createSurvey } from "@/lib/server/data/surveys";
import { createMetric } from "@/lib/server/data/metric-editor";
import { ApiTokenInput } from "@/lib/schemas/api";
import { SurveyInput } from "@/lib/schemas/surveys";
import { MetricInput } from "@/lib/schemas/metrics";
import { windowStartOf, DEFAULT_API_RATE_LIMIT, type ApiScope, API_SCOPES } from "@/lib/domain/api-tokens";
import { OPERATIONS } from "@/lib/server/api/operations";
import { buildBehaviour, buildMember, buildOrgScenario, buildTeam, setGroupSize } from "../factories";
import { contextFor } from "./support/context";
import { exportedBackup } from "./support/backup-file";
import { call, openApi, SEEN } from "./support/api-client";

async function org(scopes: readonly ApiScope[] = API_SCOPES) {
  const s = await buildOrgScenario(db());
  const admin = await contextFor(s.admin.user.id, s.org.id);
  const { token, id } = await createApiToken(
    admin,
    ApiTokenInput.parse({ name: "Ticket tool", scopes: [...scopes], expiresOn: "" }),
  );
  return { s, admin, token, tokenId: id };
}

let n = 0;
const key = () => `key-${Date.now().toString(36)}-${++n}`;

const entry = (s: { behaviour: { id: string }; team: { id: string } }, over: Record<string, unknown> = {}) => ({
  idempotencyKey: key(),
  behaviourId: s.behaviour.id,
  teamId: s.team.id,
  performed: 1,
  ...over,
});

describe("token authentication", () => {
  it("refuses a missing, unknown, revoked or expired token, and one whose creator is no longer an admin, with 401", async () => {
    const { s, admin, token, tokenId } = await org();
    expect((await call("GET", "/teams", { token })).status).toBe(200);
    const none = await call("GET", "/teams");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await call("GET", "/teams", { token: "cdt_not-a-token-of-ours" })).status).toBe(401);

    // Expired: the token works to the end of its day, then not.
    await db().apiToken.update({ where: { id: tokenId }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await call("GET", "/teams", { token });
    expect(expired.status).toBe(401);
    expect(expired.body.detail).toMatch(/expired/);
    await db().apiToken.update({ where: { id: tokenId }, data: { expiresAt: null } });

    // The creator demoted, then disabled: the token carries their authority, so it stops.
    await db().membership.update({ where: { id: s.admin.membership.id }, data: { role: "LEADER" } });
    expect((await call("GET", "/teams", { token })).status).toBe(401);
    await db().membership.update({ where: { id: s.admin.membership.id }, data: { role: "ADMIN", status: "DISABLED" } });
    expect((await call("GET", "/teams", { token })).status).toBe(401);
    await db().membership.update({ where: { id: s.admin.membership.id }, data: { status: "ACTIVE" } });
    expect((await call("GET", "/teams", { token })).status).toBe(200);

    await revokeApiToken(admin, tokenId);
    const revoked = await call("GET", "/teams", { token });
    expect(revoked.status).toBe(401);
    expect(revoked.body.detail).toMatch(/revoked/);
    const listed = await listApiTokens(admin);
    expect(listed.map((t) => [t.name, t.state])).toEqual([["Ticket tool", "revoked"]]);
    expect(listed[0]!.lastUsedAt).not.toBeNull();
    expect(token.startsWith(listed[0]!.prefix)).toBe(true);
    // Only the hash is stored.
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(JSON.stringify(stored)).not.toContain(token);
  });

  it("enforces scopes: a catalogue reader cannot log, push readings or read adoption", async () => {
    const { s, token } = await org(["catalogue:read"]);
    expect((await call("GET", "/behaviours", { token })).status).toBe(200);
    const write = await call("POST", "/observations", { token, body: entry(s) });
    expect(write.status).toBe(403);
    expect(write.body.detail).toMatch(/observations:write/);
    expect((await call("POST", "/observations/batch", { token, body: { observations: [entry(s)] } })).status).toBe(403);
    expect((await call("GET", "/observations", { token })).status).toBe(403);
    expect((await call("GET", "/adoption", { token })).status).toBe(403);
    expect((await call("GET", `/surveys/x${s.org.id}/tabulation`, { token })).status).toBe(403);
    const push = await call("POST", `/metrics/${s.org.id}/readings`, {
      token,
      body: { date: "2026-01-05", value: 3 },
    });
    expect(push.status).toBe(403);
    expect(await db().observation.count({ where: { organizationId: s.org.id } })).toBe(0);
  });

  it("audits every call once, with method, path and status and no body", async () => {
    const { s, token, tokenId } = await org();
    await call("POST", "/observations", { token, body: entry(s, { note: "secret note" }) });
    await call("GET", "/teams?limit=0", { token });
    const rows = await db().auditEvent.findMany({
      where: { organizationId: s.org.id, action: "api.call" },
      orderBy: { at: "asc" },
      select: { targetId: true, actorUserId: true, details: true, outcome: true },
    });
    expect(rows.map((r) => r.details)).toEqual([
      { method: "POST", path: "/api/v1/observations", status: 201 },
      { method: "GET", path: "/api/v1/teams", status: 400 },
    ]);
    expect(rows.map((r) => [r.targetId, r.actorUserId, r.outcome])).toEqual([
      [tokenId, s.admin.user.id, "ok"],
      [tokenId, s.admin.user.id, "failed"],
    ]);
    expect(JSON.stringify(rows)).not.toContain("secret note");
  });

  it("answers 429 with Retry-After once the token's calls in this minute pass the limit, counted in the database", async () => {
    const { token, tokenId } = await org();
    await db().apiToken.update({
      where: { id: tokenId },
      data: { windowStart: windowStartOf(new Date()), windowCount: DEFAULT_API_RATE_LIMIT - 2 },
    });
    // Two calls at once take the last two places; the next is refused.
    const [a, b] = await Promise.all([call("GET", "/teams", { token }), call("GET", "/teams", { token })]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const limited = await call("GET", "/teams", { token });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(limited.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // A new window starts the count again.
    await db().apiToken.update({ where: { id: tokenId }, data: { windowStart: new Date(0) } });
    expect((await call("GET", "/teams", { token })).status).toBe(200);
  });
});

describe("logging observations", () => {
  it("logs one, once per idempotency key: the same entry again is a duplicate, a different one a 409", async () => {
    const { s, token } = await org();
    const body = entry(s, { performed: 0, note: "No log access" });
    const first = await call("POST", "/observations", { token, body });
    expect(first.status).toBe(201);
    expect(first.body.status).toBe("created");
    const again = await call("POST", "/observations", { token, body });
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: first.body.id, status: "duplicate" });
    const other = await call("POST", "/observations", { token, body: { ...body, performed: 1 } });
    expect(other.status).toBe(409);
    expect(other.headers.get("content-type")).toBe("application/problem+json");
    // Another day under the same key is another entry too, not a duplicate of the first.
    const dated = { ...body, idempotencyKey: "dated-entry-key-0001", occurredOn: "2026-01-05" };
    expect((await call("POST", "/observations", { token, body: dated })).status).toBe(201);
    expect((await call("POST", "/observations", { token, body: dated })).status).toBe(200);
    expect((await call("POST", "/observations", { token, body: { ...dated, occurredOn: "2026-01-06" } })).status).toBe(
      409,
    );
    const rows = await db().observation.findMany({
      where: { organizationId: s.org.id },
      select: { source: true, observerId: true, performed: true, missed: true, note: true },
    });
    expect(rows).toEqual([
      { source: "API", observerId: null, performed: 0, missed: 1, note: "No log access" },
      { source: "API", observerId: null, performed: 0, missed: 1, note: "No log access" },
    ]);
    const daily = await db().observationDaily.aggregate({
      where: { organizationId: s.org.id },
      _sum: { missed: true },
    });
    expect(daily._sum.missed).toBe(2);
  });

  it("attributes an entry to a named member of the team, and refuses anyone else by the field", async () => {
    const { s, token } = await org();
    await db().teamMember.create({
      data: { organizationId: s.org.id, teamId: s.team.id, membershipId: s.member.membership.id },
    });
    const outsider = await buildMember(db(), s.org.id, "MEMBER"); // in the organisation, not the team
    const disabled = await buildMember(db(), s.org.id, "MEMBER");
    await db().teamMember.create({
      data: { organizationId: s.org.id, teamId: s.team.id, membershipId: disabled.membership.id },
    });
    await db().membership.update({ where: { id: disabled.membership.id }, data: { status: "DISABLED" } });
    const foreign = await buildOrgScenario(db());

    const body = entry(s, { observerEmail: ` ${s.member.user.email.toUpperCase()} ` });
    const named = await call("POST", "/observations", { token, body });
    expect(named.status).toBe(201);
    const row = await db().observation.findUniqueOrThrow({
      where: { id: String(named.body.id) },
      select: { observerId: true, anonymous: true, source: true },
    });
    expect(row).toEqual({ observerId: s.member.membership.id, anonymous: false, source: "API" });
    // The same key again is a duplicate; naming someone else (or nobody) under it is a conflict.
    expect((await call("POST", "/observations", { token, body })).status).toBe(200);
    const nobody = { ...body, observerEmail: undefined }; // left out of the JSON
    expect((await call("POST", "/observations", { token, body: nobody })).status).toBe(409);

    for (const [email, detail] of [
      [outsider.user.email, "This member does not belong to the team."],
      [disabled.user.email, "No active member of your organisation has this e-mail."],
      [foreign.member.user.email, "No active member of your organisation has this e-mail."],
      ["nobody@example.com", "No active member of your organisation has this e-mail."],
    ] as const) {
      const r = await call("POST", "/observations", { token, body: entry(s, { observerEmail: email }) });
      expect(r.status, email).toBe(422);
      expect(r.body.errors).toEqual([{ pointer: "/observerEmail", detail }]);
    }
    const bad = await call("POST", "/observations", { token, body: entry(s, { observerEmail: "not an e-mail" }) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: "/observerEmail" })]);
    expect(await db().observation.count({ where: { organizationId: s.org.id } })).toBe(1);
  });

  it("answers problem+json with per-field details, and treats another organisation's ids like missing ones", async () => {
    const { s, token } = await org();
    const other = await buildOrgScenario(db());
    const bad = await call("POST", "/observations", {
      token,
      body: { idempotencyKey: "x", behaviourId: s.behaviour.id, teamId: s.team.id, performed: 2, opportunities: 1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ pointer: "/idempotencyKey" }),
        expect.objectContaining({ pointer: "/performed", detail: "Performed cannot be more than the opportunities." }),
      ]),
    );
    expect((await call("POST", "/observations", { token, rawBody: "{nope" })).status).toBe(400);
    expect((await call("POST", "/observations", { token, rawBody: "a=1", contentType: "text/plain" })).status).toBe(
      415,
    );
    const foreign = await call("POST", "/observations", {
      token,
      body: entry(s, { behaviourId: other.behaviour.id, teamId: other.team.id }),
    });
    const missing = await call("POST", "/observations", {
      token,
      body: entry(s, { behaviourId: "c0000000000000000000000", teamId: "c0000000000000000000001" }),
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toEqual([
      { pointer: "/behaviourId", detail: "No behaviour with this id in your organisation." },
      { pointer: "/teamId", detail: "No team with this id in your organisation." },
    ]);
    expect(missing.body).toEqual(foreign.body);
    expect(await db().observation.count({ where: { organizationId: other.org.id } })).toBe(0);
  });

  it("logs a batch entry by entry; a batch with a bad entry saves nothing and names it", async () => {
    const { s, token } = await org();
    const second = await buildTeam(db(), s.org.id);
    const archived = await buildTeam(db(), s.org.id);
    await db().team.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const a = entry(s, { performed: 4, opportunities: 5, occurredOn: "2026-01-05" });
    const b = entry(s, { teamId: second.id });
    const refused = await call("POST", "/observations/batch", {
      token,
      body: { observations: [a, entry(s, { teamId: archived.id })] },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { pointer: "/observations/1/teamId", detail: "This team is archived: it takes no new observations." },
    ]);
    expect(await db().observation.count({ where: { organizationId: s.org.id } })).toBe(0);
    const same = await call("POST", "/observations/batch", { token, body: { observations: [a, { ...a }] } });
    expect(same.status).toBe(400);
    expect(same.body.errors).toEqual([
      { pointer: "/observations/1/idempotencyKey", detail: "Each entry needs its own key." },
    ]);

    const ok = await call("POST", "/observations/batch", { token, body: { observations: [a, b] } });
    expect(ok.status).toBe(200);
    const results = ok.body.results as { index: number; status: string; id: string }[];
    expect(results.map((r) => [r.index, r.status])).toEqual([
      [0, "created"],
      [1, "created"],
    ]);
    // Retried with one changed entry: the unchanged one is a duplicate, the changed one a conflict.
    const retry = await call("POST", "/observations/batch", {
      token,
      body: { observations: [a, { ...b, performed: 0 }] },
    });
    expect((retry.body.results as { status: string }[]).map((r) => r.status)).toEqual(["duplicate", "conflict"]);
    const saved = await db().observation.findMany({
      where: { organizationId: s.org.id },
      orderBy: { performed: "desc" },
      select: { performed: true, missed: true, dayOnly: true, teamId: true },
    });
    expect(saved).toEqual([
      { performed: 4, missed: 1, dayOnly: true, teamId: s.team.id },
      { performed: 1, missed: 0, dayOnly: false, teamId: second.id },
    ]);
  });

  it("lists observations over several pages by cursor, filtered, with no observer named", async () => {
    const { s, token } = await org();
    const body = { observations: Array.from({ length: 5 }, () => entry(s)) };
    expect((await call("POST", "/observations/batch", { token, body })).status).toBe(200);
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof call>> = await call(
        "GET",
        `/observations?limit=2&teamId=${s.team.id}${cursor ? `&cursor=${cursor}` : ""}`,
        { token },
      );
      expect(page.status).toBe(200);
      ids.push(...(page.body.data as { id: string }[]).map((o) => o.id));
      cursor = page.body.nextCursor as string | null;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(ids).size).toBe(5);
    const bad = await call("GET", "/observations?cursor=garbage", { token });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([{ parameter: "cursor", detail: "This cursor is not one this API gave out." }]);
  });
});

describe("catalogue, metrics, adoption and surveys", () => {
  it("pages behaviours and teams of the caller's organisation only", async () => {
    const { s, token } = await org();
    const other = await buildOrgScenario(db());
    for (let i = 0; i < 4; i++)
      await buildBehaviour(db(), { organizationId: s.org.id, valueId: s.value.id, ownerId: s.leader.membership.id });
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof call>> = await call(
        "GET",
        `/behaviours?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
        { token },
      );
      all.push(...(page.body.data as { id: string }[]).map((b) => b.id));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    expect(all).toHaveLength(5);
    expect(all).toEqual([...all].sort());
    expect(all).not.toContain(other.behaviour.id);
    const t = await call("GET", "/teams", { token });
    expect((t.body.data as { id: string }[]).map((x) => x.id)).toEqual([s.team.id]);
    const limit = await call("GET", "/teams?limit=500", { token });
    expect(limit.status).toBe(400);
    expect(limit.body.errors).toEqual([expect.objectContaining({ parameter: "limit" })]);
    expect((await call("GET", "/behaviours?cursor=bad", { token })).status).toBe(400);
  });

  it("takes a metric's readings from the tool that owns it; another organisation's metric is 404", async () => {
    const { s, admin, token } = await org();
    const other = await org();
    const input = (over: Record<string, unknown> = {}) =>
      MetricInput.parse({
        name: "First-contact resolution",
        unit: "%",
        description: "",
        kind: "CUSTOMER_OUTCOME",
        timing: "LAGGING",
        direction: "UP",
        ownerId: "",
        teamIds: [],
        sourceBehaviourId: "",
        targetType: "AT_LEAST",
        targetValue: "80",
        targetDate: "",
        ...over,
      });
    const metricId = await createMetric(admin, input());
    const foreignMetric = await createMetric(other.admin, input());
    const listed = await call("GET", "/metrics", { token });
    expect((listed.body.data as { id: string }[]).map((m) => m.id)).toEqual([metricId]);
    const ok = await call("POST", `/metrics/${metricId}/readings`, {
      token,
      body: { date: "2026-01-05", value: 71.5, teamId: s.team.id },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ metricId, date: "2026-01-05", teamId: s.team.id, value: 71.5 });
    await call("POST", `/metrics/${metricId}/readings`, {
      token,
      body: { date: "2026-01-05", value: 72, teamId: s.team.id },
    });
    const stored = await db().metricReading.findMany({ where: { metricId }, select: { value: true } });
    expect(stored).toEqual([{ value: 72 }]);
    const foreign = await call("POST", `/metrics/${foreignMetric}/readings`, {
      token,
      body: { date: "2026-01-05", value: 1 },
    });
    const missing = await call("POST", `/metrics/nope/readings`, { token, body: { date: "2026-01-05", value: 1 } });
    expect(foreign.status).toBe(404);
    expect(missing.body).toEqual(foreign.body);
    expect(await db().metricReading.count({ where: { metricId: foreignMetric } })).toBe(0);
    const foreignTeam = await call("POST", `/metrics/${metricId}/readings`, {
      token,
      body: { date: "2026-01-05", value: 1, teamId: other.s.team.id },
    });
    expect(foreignTeam.status).toBe(422);
    expect(foreignTeam.body.errors).toEqual([{ pointer: "/teamId", detail: "Choose a team of your organisation." }]);
    const typo = await call("POST", `/metrics/${metricId}/readings`, { token, body: { date: "soon", value: "x" } });
    expect(typo.status).toBe(400);
    expect([...new Set((typo.body.errors as { pointer: string }[]).map((e) => e.pointer))].sort()).toEqual([
      "/date",
      "/value",
    ]);
    expect((await call("GET", "/metrics?limit=x", { token })).status).toBe(400);
  });

  it("reads adoption by behaviour, team and week, paged", async () => {
    const { s, token } = await org();
    // Teams of no members: the figures are the point here (the minimum group size: group-size.test.ts).
    await setGroupSize(db(), s.org.id, 1);
    const second = await buildTeam(db(), s.org.id);
    // Monday 2026-01-05 and Wednesday 2026-01-07 are one week; Monday 2026-01-12 the next.
    const body = {
      observations: [
        entry(s, { performed: 3, opportunities: 4, occurredOn: "2026-01-05" }),
        entry(s, { performed: 1, opportunities: 4, occurredOn: "2026-01-07" }),
        entry(s, { performed: 2, opportunities: 2, occurredOn: "2026-01-12" }),
        entry(s, { teamId: second.id, performed: 0, opportunities: 1, occurredOn: "2026-01-12" }),
      ],
    };
    expect((await call("POST", "/observations/batch", { token, body })).status).toBe(200);
    const rows: { week: string; teamId: string; performed: number; missed: number; adoption: number | null }[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof call>> = await call(
        "GET",
        `/adoption?from=2026-01-01&to=2026-01-31&limit=1${cursor ? `&cursor=${cursor}` : ""}`,
        { token },
      );
      expect(page.status).toBe(200);
      rows.push(...(page.body.data as typeof rows));
      cursor = page.body.nextCursor as string | null;
    } while (cursor);
    const summary = rows.map((r) => [
      r.week,
      r.teamId === s.team.id ? "first" : "second",
      r.performed,
      r.missed,
      r.adoption,
    ]);
    expect(summary).toEqual(
      [
        ["2026-01-05", "first", 4, 4, 0.5],
        ["2026-01-12", "first", 2, 0, 1],
        ["2026-01-12", "second", 0, 1, 0],
      ].sort((a, b) => (a[0] === b[0] ? 0 : a[0]! < b[0]! ? -1 : 1)),
    );
    const filtered = await call("GET", `/adoption?from=2026-01-01&to=2026-01-31&teamId=${second.id}`, { token });
    expect((filtered.body.data as unknown[]).length).toBe(1);
    const wrong = await call("GET", "/adoption?from=2026-02-01&to=2026-01-01", { token });
    expect(wrong.status).toBe(422);
  });

  it("reads a survey's tabulation; another organisation's survey is 404", async () => {
    const { s, admin, token } = await org();
    const other = await org();
    const form = (behaviourId: string) =>
      SurveyInput.parse({
        title: "Why root causes go unposted",
        behaviourId,
        prevalencePct: "",
        anonymous: "",
        questions: JSON.stringify([
          {
            text: "Did you post the root cause?",
            kind: "SCREENING",
            options: [
              { label: "Yes", classifies: "DOER" },
              { label: "No", classifies: "NON_DOER" },
            ],
          },
          {
            text: "Is it hard to find the logs?",
            kind: "DETERMINANT",
            determinant: "ACCESS",
            options: [{ label: "Yes" }, { label: "No" }],
          },
        ]),
      });
    const surveyId = await createSurvey(admin, form(s.behaviour.id));
    const foreignId = await createSurvey(other.admin, form(other.s.behaviour.id));
    const t = await call("GET", `/surveys/${surveyId}/tabulation`, { token });
    expect(t.status).toBe(200);
    expect((t.body.survey as { id: string }).id).toBe(surveyId);
    expect((t.body.rows as { response: string }[]).map((r) => r.response)).toEqual(["Yes", "No"]);
    const foreign = await call("GET", `/surveys/${foreignId}/tabulation`, { token });
    expect(foreign.status).toBe(404);
    expect((await call("GET", `/surveys/c000000000000000000000/tabulation`, { token })).body).toEqual(foreign.body);
  });
});

describe("tokens and backups", () => {
  it("never puts a token in a backup", async () => {
    const { admin, token } = await org();
    const hash = (await db().apiToken.findFirstOrThrow({ where: { organizationId: admin.orgId } })).tokenHash;
    const doc = await exportedBackup(admin);
    const text = JSON.stringify(doc);
    expect(Object.keys(doc.tables)).not.toContain("ApiToken");
    expect(text).not.toContain(hash);
    expect(text).not.toContain(token.slice(0, 10));
  });
});

afterAll(async () => {
  // Conformance coverage: every operation of the document was answered, and checked, at least once.
  const doc = await openApi();
  const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
    Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
  );
  expect(documented.sort()).toEqual(
    Object.values(OPERATIONS)
      .map((o) => `${o.method} ${o.path}`)
      .sort(),
  );
  for (const op of documented) {
    const statuses = [...SEEN].filter((k) => k.startsWith(`${op} `)).map((k) => Number(k.split(" ").at(-1)));
    expect(
      statuses.some((x) => x < 300),
      `${op} succeeded`,
    ).toBe(true);
    expect(
      statuses.some((x) => x >= 400),
      `${op} failed`,
    ).toBe(true);
  }
});
