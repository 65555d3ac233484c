// Outgoing webhooks (issue 17) against a real HTTP receiver on 127.0.0.1: signatures checked with
// the standardwebhooks library's verifier, retries, the FAILED end, disabling after repeated failed
// deliveries, claims under concurrency, address refusals, and the chat formats.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook as Verifier } from "standardwebhooks";
import { database, db } from "@/lib/server/db";
import {
  createWebhook,
  listDeliveries,
  listWebhooks,
  redeliver,
  sendTestEvent,
  setAllowPrivateWebhooks,
  setWebhookEnabled,
  updateWebhook,
} from "@/lib/server/data/webhooks";
import { nudgeWebhooks, queueWebhookEvent } from "@/lib/server/webhooks/events";
import { deliverWebhook, DeliveryRetry } from "@/lib/server/webhooks/deliver";
import { post } from "@/lib/server/webhooks/send";
import { giveRecognition } from "@/lib/server/data/recognition";
import { listInbox } from "@/lib/server/data/inbox";
import { NotFoundError, RuleError } from "@/lib/server/errors";
import { GiveRecognitionInput } from "@/lib/schemas/recognition";
import { WebhookInput, WebhookUpdateInput } from "@/lib/schemas/webhooks";
import { DISABLE_AFTER_FAILURES, MAX_ATTEMPTS } from "@/lib/domain/webhooks";
import type { WebhookEvent } from "@/lib/domain/webhook-formats";
import { buildOrgScenario, buildTeam } from "../factories";
import { contextFor } from "./support/context";

// ---- a receiver on loopback ---------------------------------------------------------------------

interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
type Reply = (r: Received) => { status: number; body?: string; delayMs?: number; headers?: Record<string, string> };

let server: http.Server;
let base = "";
const received = new Map<string, Received[]>();
const replies = new Map<string, Reply>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = req.url ?? "/";
      const r: Received = { path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      received.set(path, [...(received.get(path) ?? []), r]);
      const reply = (replies.get(path) ?? ((): ReturnType<Reply> => ({ status: 200, body: "ok" })))(r);
      setTimeout(() => {
        res.writeHead(reply.status, reply.headers);
        res.end(reply.body ?? "");
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

let paths = 0;
/** A fresh path on the receiver, answering with `reply` (200 by default). */
function endpoint(reply?: Reply) {
  const path = `/hook-${++paths}`;
  if (reply) replies.set(path, reply);
  return { url: `${base}${path}`, hits: () => received.get(path) ?? [], path };
}

// ---- organisations ------------------------------------------------------------------------------

async function scenario({ allowPrivate = true } = {}) {
  const s = await buildOrgScenario(db());
  const [admin, leader, member] = await Promise.all([
    contextFor(s.admin.user.id, s.org.id),
    contextFor(s.leader.user.id, s.org.id),
    contextFor(s.member.user.id, s.org.id),
  ]);
  if (allowPrivate) await setAllowPrivateWebhooks(admin, true);
  return { s, admin, leader, member };
}

type Ctx = Awaited<ReturnType<typeof scenario>>["admin"];

const hookInput = (url: string, over: Partial<Record<string, unknown>> = {}) =>
  WebhookInput.parse({
    name: "Receiver",
    url,
    format: "STANDARD",
    events: ["recognition.given", "cue", "reminder", "digest"],
    teamId: "",
    ...over,
  });

async function hook(admin: Ctx, url: string, over: Partial<Record<string, unknown>> = {}) {
  return createWebhook(admin, hookInput(url, over));
}

const CUE: WebhookEvent = {
  type: "cue",
  behaviourId: "b1",
  behaviourTitle: "Confirm the fix",
  message: "Before closing a ticket, ask the customer to confirm the fix.",
  logUrl: "https://conduct.example.com/log?behaviour=b1",
};

/** Runs the job as the queue would: again after each retryable failure, up to `max` times. */
async function runUntilSettled(deliveryId: string, max = MAX_ATTEMPTS) {
  for (let i = 0; i < max; i++) {
    try {
      const outcome = await deliverWebhook(deliveryId);
      if (outcome !== "skipped" || i > 0) return outcome;
      return outcome;
    } catch (err) {
      if (!(err instanceof DeliveryRetry)) throw err;
    }
  }
  return "retrying";
}

const row = (id: string) => db().webhookDelivery.findUniqueOrThrow({ where: { id } });

// ---- tests --------------------------------------------------------------------------------------

describe("Standard Webhooks delivery", () => {
  it("signs id.timestamp.body with the secret shown at creation; an independent verifier accepts it", async () => {
    const { admin } = await scenario();
    const ep = endpoint();
    const { id, secret } = await hook(admin, ep.url);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const [deliveryId] = await queueWebhookEvent(admin.orgId, CUE);
    expect(await deliverWebhook(deliveryId!)).toBe("delivered");

    const [got] = ep.hits();
    const d = await row(deliveryId!);
    expect(got!.body).toBe(d.body);
    expect(got!.headers["webhook-id"]).toBe(deliveryId);
    expect(got!.headers["content-type"]).toBe("application/json");
    const payload = new Verifier(secret).verify(got!.body, got!.headers as Record<string, string>) as {
      type: string;
      data: { message: string };
    };
    expect(payload.type).toBe("cue");
    expect(payload.data.message).toBe(CUE.type === "cue" ? CUE.message : "");
    // Another secret does not verify it: the check is real.
    expect(() =>
      new Verifier(`whsec_${Buffer.alloc(32, 1).toString("base64")}`).verify(
        got!.body,
        got!.headers as Record<string, string>,
      ),
    ).toThrow();
    expect(d).toMatchObject({ status: "DELIVERED", attempts: 1, lastStatusCode: 200, lastError: null });
    expect(d.deliveredAt).not.toBeNull();
    // Running the job again sends nothing.
    expect(await deliverWebhook(deliveryId!)).toBe("skipped");
    expect(ep.hits()).toHaveLength(1);
    expect((await listWebhooks(admin)).webhooks.find((w) => w.id === id)!.lastDelivery?.status).toBe("DELIVERED");
  });

  it("a receiver that fails twice then answers 2xx gets 3 attempts, the same webhook-id each time, and a DELIVERED row", async () => {
    const { admin } = await scenario();
    let calls = 0;
    const ep = endpoint(() => (++calls <= 2 ? { status: 503, body: "busy" } : { status: 204 }));
    await hook(admin, ep.url);
    const [deliveryId] = await queueWebhookEvent(admin.orgId, CUE);

    await expect(deliverWebhook(deliveryId!)).rejects.toBeInstanceOf(DeliveryRetry);
    expect(await row(deliveryId!)).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastStatusCode: 503,
      lastError: "HTTP 503: busy",
    });
    await expect(deliverWebhook(deliveryId!)).rejects.toBeInstanceOf(DeliveryRetry);
    expect(await deliverWebhook(deliveryId!)).toBe("delivered");

    expect(ep.hits()).toHaveLength(3);
    expect(new Set(ep.hits().map((h) => h.headers["webhook-id"]))).toEqual(new Set([deliveryId]));
    expect(await row(deliveryId!)).toMatchObject({ status: "DELIVERED", attempts: 3, lastStatusCode: 204 });
    const log = await listDeliveries(admin, (await row(deliveryId!)).webhookId);
    expect(log.items[0]).toMatchObject({ id: deliveryId, status: "DELIVERED", attempts: 3, lastStatusCode: 204 });
  });

  it("does not follow a redirect, and keeps only the start of a huge answer", async () => {
    const { admin } = await scenario();
    const target = endpoint();
    const moved = endpoint(() => ({ status: 302, headers: { location: target.url } }));
    const huge = endpoint(() => ({ status: 500, body: "x".repeat(1_000_000) }));
    await hook(admin, moved.url);
    await hook(admin, huge.url);
    const ids = await queueWebhookEvent(admin.orgId, CUE);
    for (const id of ids) await expect(deliverWebhook(id)).rejects.toBeInstanceOf(DeliveryRetry);
    expect(target.hits()).toHaveLength(0);
    const rows = await db().webhookDelivery.findMany({ where: { id: { in: ids } } });
    const errors = rows.map((r) => r.lastError!).sort();
    expect(errors[0]).toBe("HTTP 302 (redirects are not followed)");
    expect(errors[1]!.startsWith("HTTP 500: xxx")).toBe(true);
    expect(errors[1]!.length).toBeLessThanOrEqual(220);
  });

  it("gives up on a receiver that does not answer within the timeout", async () => {
    const ep = endpoint(() => ({ status: 200, delayMs: 2_000 }));
    const started = Date.now();
    const result = await post({ url: new URL(ep.url), address: "127.0.0.1", family: 4 }, {}, "{}", 300);
    expect(result).toEqual({ error: "No answer within 0.3 s." });
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});

describe("failing for good", () => {
  it(`after ${MAX_ATTEMPTS} failed attempts the delivery is FAILED; a redelivery starts again and can succeed`, async () => {
    const { admin } = await scenario();
    let ok = false;
    const ep = endpoint(() => (ok ? { status: 200 } : { status: 500, body: "down" }));
    const { id: webhookId } = await hook(admin, ep.url);
    const [deliveryId] = await queueWebhookEvent(admin.orgId, CUE);
    expect(await runUntilSettled(deliveryId!)).toBe("failed");
    expect(await row(deliveryId!)).toMatchObject({
      status: "FAILED",
      attempts: MAX_ATTEMPTS,
      lastError: "HTTP 500: down",
    });
    expect(ep.hits()).toHaveLength(MAX_ATTEMPTS);
    expect((await db().webhook.findUniqueOrThrow({ where: { id: webhookId } })).consecutiveFailures).toBe(1);
    // The queue may run the job once more: nothing is sent.
    expect(await deliverWebhook(deliveryId!)).toBe("skipped");

    ok = true;
    await redeliver(admin, deliveryId!);
    expect(await row(deliveryId!)).toMatchObject({ status: "PENDING", attempts: 0 });
    expect(await deliverWebhook(deliveryId!)).toBe("delivered");
    expect((await db().webhook.findUniqueOrThrow({ where: { id: webhookId } })).consecutiveFailures).toBe(0);
    await expect(redeliver(admin, deliveryId!)).rejects.toThrow(RuleError);
  });

  it(`${DISABLE_AFTER_FAILURES} failed deliveries in a row switch the webhook off and tell the admins, once`, async () => {
    const { admin, leader, member } = await scenario();
    const ep = endpoint(() => ({ status: 500 }));
    const { id: webhookId } = await hook(admin, ep.url, { name: "Support channel" });
    // Start each delivery at its last attempt, so the test does not wait for 70 requests.
    const ids: string[] = [];
    for (let i = 0; i < DISABLE_AFTER_FAILURES + 1; i++) ids.push(...(await queueWebhookEvent(admin.orgId, CUE)));
    await db().webhookDelivery.updateMany({
      where: { id: { in: ids } },
      data: { attempts: MAX_ATTEMPTS - 1, lastError: "HTTP 500" },
    });
    // Concurrently, in pairs: the count must still be exact.
    for (let i = 0; i < DISABLE_AFTER_FAILURES; i += 2)
      await Promise.all(ids.slice(i, i + 2).map((id) => deliverWebhook(id)));

    const w = await db().webhook.findUniqueOrThrow({ where: { id: webhookId } });
    expect(w.consecutiveFailures).toBe(DISABLE_AFTER_FAILURES);
    expect(w.enabled).toBe(false);
    expect(w.disabledReason).toBe(
      `Switched off after ${DISABLE_AFTER_FAILURES} deliveries in a row failed. Check the receiver, then enable it again.`,
    );
    const title = "Webhook “Support channel” was switched off";
    expect((await listInbox(admin)).items.map((i) => i.title)).toEqual([title]);
    expect((await listInbox(leader)).items).toEqual([]);
    expect((await listInbox(member)).items).toEqual([]);
    // The 11th is not sent: the webhook is off.
    expect(await deliverWebhook(ids.at(-1)!)).toBe("failed");
    expect(ep.hits()).toHaveLength(DISABLE_AFTER_FAILURES);
    expect(await queueWebhookEvent(admin.orgId, CUE)).toEqual([]);
    const listed = (await listWebhooks(admin)).webhooks.find((x) => x.id === webhookId)!;
    expect(listed).toMatchObject({ enabled: false, disabledReason: w.disabledReason });

    // Enabled again, it starts from zero.
    await setWebhookEnabled(admin, webhookId, true);
    expect(await db().webhook.findUniqueOrThrow({ where: { id: webhookId } })).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
      disabledReason: null,
    });
  });

  it("a delivered one in between resets the run of failures", async () => {
    const { admin } = await scenario();
    let status = 500;
    const ep = endpoint(() => ({ status }));
    const { id: webhookId } = await hook(admin, ep.url);
    const ids = [...(await queueWebhookEvent(admin.orgId, CUE)), ...(await queueWebhookEvent(admin.orgId, CUE))];
    await db().webhookDelivery.updateMany({
      where: { id: { in: ids } },
      data: { attempts: MAX_ATTEMPTS - 1, lastError: "x" },
    });
    await deliverWebhook(ids[0]!);
    expect((await db().webhook.findUniqueOrThrow({ where: { id: webhookId } })).consecutiveFailures).toBe(1);
    status = 200;
    await db().webhookDelivery.update({ where: { id: ids[1]! }, data: { attempts: 0 } });
    await deliverWebhook(ids[1]!);
    expect((await db().webhook.findUniqueOrThrow({ where: { id: webhookId } })).consecutiveFailures).toBe(0);
    expect(ep.hits()).toHaveLength(2);
  });
});

describe("claims", () => {
  it("two deliverWebhook calls on one row send it once (40 rounds)", async () => {
    const { admin } = await scenario();
    const ep = endpoint(() => ({ status: 200, delayMs: 15 }));
    await hook(admin, ep.url);
    const rounds = 40;
    for (let i = 0; i < rounds; i++) {
      const [deliveryId] = await queueWebhookEvent(admin.orgId, CUE);
      const results = await Promise.allSettled([deliverWebhook(deliveryId!), deliverWebhook(deliveryId!)]);
      expect(results.filter((r) => r.status === "fulfilled" && r.value === "delivered")).toHaveLength(1);
      for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(DeliveryRetry);
      expect(await row(deliveryId!)).toMatchObject({ status: "DELIVERED", attempts: 1 });
    }
    expect(ep.hits()).toHaveLength(rounds);
  });
});

describe("which webhooks an event reaches", () => {
  it("enabled, subscribed, of this organisation; a team's channel only for its teams", async () => {
    const { s, admin } = await scenario();
    const other = await scenario();
    const teamB = await buildTeam(db(), s.org.id, { name: "Team B" });
    const all = await hook(admin, endpoint().url, { name: "All" });
    const a = await hook(admin, endpoint().url, { name: "A", teamId: s.team.id });
    const b = await hook(admin, endpoint().url, { name: "B", teamId: teamB.id });
    await hook(admin, endpoint().url, { name: "Digests only", events: ["digest"] });
    const off = await hook(admin, endpoint().url, { name: "Off" });
    await setWebhookEnabled(admin, off.id, false);
    await hook(other.admin, endpoint().url, { name: "Elsewhere" });

    const hooksOf = async (ids: string[]) =>
      (await db().webhookDelivery.findMany({ where: { id: { in: ids } }, select: { webhookId: true } }))
        .map((d) => d.webhookId)
        .sort();
    expect(await hooksOf(await queueWebhookEvent(admin.orgId, CUE, { teamIds: [s.team.id] }))).toEqual(
      [all.id, a.id].sort(),
    );
    expect(await hooksOf(await queueWebhookEvent(admin.orgId, CUE))).toEqual([all.id]);
    expect(await hooksOf(await queueWebhookEvent(admin.orgId, CUE, { teamIds: [teamB.id, s.team.id] }))).toEqual(
      [all.id, a.id, b.id].sort(),
    );
  });

  it("nudges the queue with a webhook.deliver job for each delivery", async () => {
    const { admin } = await scenario();
    await hook(admin, endpoint().url);
    await hook(admin, endpoint().url, { format: "TEAMS" });
    const ids = await queueWebhookEvent(admin.orgId, CUE);
    const jobs = await database().sql.query<{ data: { deliveryId: string; organizationId: string } }>(
      `SELECT data FROM pgboss.job WHERE name = 'webhook.deliver' AND data->>'organizationId' = $1`,
      [admin.orgId],
    );
    expect(jobs.map((j) => j.data.deliveryId).sort()).toEqual([...ids].sort());
    // A second nudge may add a job (the handler is idempotent and claims its row), but names no other row.
    await nudgeWebhooks(ids);
    const again = await database().sql.query<{ data: { deliveryId: string } }>(
      `SELECT data FROM pgboss.job WHERE name = 'webhook.deliver' AND data->>'organizationId' = $1`,
      [admin.orgId],
    );
    expect(new Set(again.map((j) => j.data.deliveryId))).toEqual(new Set(ids));
  });

  it("a recognition queues recognition.given with the names, in the same transaction as the recognition", async () => {
    const { s, admin, member } = await scenario();
    const ep = endpoint();
    await hook(admin, ep.url, { events: ["recognition.given"], teamId: s.team.id });
    await giveRecognition(
      member,
      GiveRecognitionInput.parse({
        recipientTeamId: s.team.id,
        behaviourId: s.behaviour.id,
        act: "Called the customer to confirm the fix before closing the ticket.",
        customerEffect: "The customer found a second failing file on the call.",
      }),
    );
    const [d] = await db().webhookDelivery.findMany({ where: { organizationId: s.org.id } });
    expect(d!.event).toBe("recognition.given");
    const body = JSON.parse(d!.body);
    expect(body.data).toMatchObject({
      recipientName: s.team.name,
      giverName: member.userName,
      behaviourTitle: s.behaviour.title,
    });
    expect(body.data.url).toMatch(/\/recognition$/);
  });
});

describe("Slack and Teams", () => {
  it("sends Slack's text and blocks, and a Teams Adaptive Card, unsigned", async () => {
    const { admin } = await scenario();
    const slack = endpoint();
    const teams = endpoint();
    await hook(admin, slack.url, { format: "SLACK" });
    await hook(admin, teams.url, { format: "TEAMS" });
    for (const id of await queueWebhookEvent(admin.orgId, CUE)) await deliverWebhook(id);
    const s = JSON.parse(slack.hits()[0]!.body);
    expect(s.text).toBe("Cue: Confirm the fix");
    expect(s.blocks[1].elements[0].url).toBe("https://conduct.example.com/log?behaviour=b1");
    const t = JSON.parse(teams.hits()[0]!.body);
    expect(t.attachments[0].contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(t.attachments[0].content.actions[0].url).toBe("https://conduct.example.com/log?behaviour=b1");
    expect(slack.hits()[0]!.headers["webhook-signature"]).toBeUndefined();
  });
});

describe("address checks", () => {
  it("refuses a loopback receiver, by IP and by a host name resolving to it, beside the url field; saves nothing", async () => {
    const { s, admin } = await scenario({ allowPrivate: false });
    const port = new URL(base).port;
    for (const url of [`http://127.0.0.1:${port}/x`, `http://localhost:${port}/x`, "https://169.254.169.254/"]) {
      const err = await createWebhook(admin, hookInput(url)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(RuleError);
      expect((err as RuleError).field).toBe("url");
      expect((err as RuleError).message).toMatch(/loopback|link-local/);
    }
    expect(await db().webhook.count({ where: { organizationId: s.org.id } })).toBe(0);
    // Allowed for on-premises use, the same host name saves.
    await setAllowPrivateWebhooks(admin, true);
    await expect(createWebhook(admin, hookInput(`http://localhost:${port}/x`))).resolves.toMatchObject({
      id: expect.any(String),
    });
  });

  it("checks again at delivery: a receiver that became private is refused and never reached", async () => {
    const { admin } = await scenario();
    const ep = endpoint();
    await hook(admin, ep.url);
    await setAllowPrivateWebhooks(admin, false);
    const [deliveryId] = await queueWebhookEvent(admin.orgId, CUE);
    await expect(deliverWebhook(deliveryId!)).rejects.toBeInstanceOf(DeliveryRetry);
    expect(ep.hits()).toHaveLength(0);
    expect((await row(deliveryId!)).lastError).toMatch(/^Refused: That address points to a loopback address/);
  });

  it("refuses an update to a refused address and keeps the old one", async () => {
    const { admin } = await scenario();
    const ep = endpoint();
    const { id } = await hook(admin, ep.url);
    await setAllowPrivateWebhooks(admin, false);
    const update = WebhookUpdateInput.parse({
      id,
      version: "1",
      name: "Receiver",
      url: "https://10.0.0.8/hook",
      format: "STANDARD",
      events: ["cue"],
      teamId: "",
    });
    await expect(updateWebhook(admin, update)).rejects.toThrow(/private network address/);
    expect((await db().webhook.findUniqueOrThrow({ where: { id } })).url).toBe(ep.url);
  });
});

describe("the admin side", () => {
  it("a test event is tried at once and lands in the log", async () => {
    const { admin } = await scenario();
    const ep = endpoint();
    const { id } = await hook(admin, ep.url);
    const result = await sendTestEvent(admin, id);
    expect(result).toMatchObject({ status: "DELIVERED", message: "delivered (the receiver answered HTTP 200)." });
    expect(JSON.parse(ep.hits()[0]!.body).type).toBe("test");
    expect((await listDeliveries(admin, id)).items.map((d) => [d.event, d.status])).toEqual([["test", "DELIVERED"]]);
  });

  it("another organisation's webhook or delivery is not found", async () => {
    const { admin } = await scenario();
    const other = await scenario();
    const { id } = await hook(other.admin, endpoint().url);
    const [deliveryId] = await queueWebhookEvent(other.admin.orgId, CUE);
    await expect(listDeliveries(admin, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(sendTestEvent(admin, id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(redeliver(admin, deliveryId!)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setWebhookEnabled(admin, id, false)).rejects.toBeInstanceOf(NotFoundError);
    expect((await db().webhook.findUniqueOrThrow({ where: { id } })).enabled).toBe(true);
  });

  it("pages the delivery log by keyset, newest first, without gaps or repeats", async () => {
    const { admin } = await scenario();
    const { id } = await hook(admin, endpoint().url);
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(...(await queueWebhookEvent(admin.orgId, CUE)));
    const first = await listDeliveries(admin, id);
    const second = await listDeliveries(admin, id, first.nextCursor);
    expect(first.items).toHaveLength(25);
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((d) => d.id).sort()).toEqual([...ids].sort());
  });
});
