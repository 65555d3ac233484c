// Matrix rows for outgoing webhooks (src/lib/actions/webhooks.ts) and the reads of their pages.
// The webhooks the rows act on are written directly, pointing at a closed loopback port (the
// organisation allows private addresses), so a test event fails fast instead of going anywhere.
import { db } from "@/lib/server/db";
import {
  DeliveryIdInput,
  PrivateWebhooksInput,
  WebhookEnabledInput,
  WebhookIdInput,
  WebhookInput,
  WebhookUpdateInput,
} from "@/lib/schemas/webhooks";
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listDeliveries,
  listWebhooks,
  newSecret,
  redeliver,
  rotateWebhookSecret,
  sendTestEvent,
  setAllowPrivateWebhooks,
  setWebhookEnabled,
  updateWebhook,
} from "@/lib/server/data/webhooks";
import { type Row, at, row, ADMINS, A } from "./matrix-core";
import type { Side } from "./matrix-scenario";

/** A literal public address: checked without DNS, never contacted by a create or an update. */
const PUBLIC_URL = "https://93.184.215.14/conduct-hook";
const CLOSED_PORT = "http://127.0.0.1:9/conduct-hook";

async function webhookOf(s: Side): Promise<string> {
  await db().organization.update({ where: { id: s.org.id }, data: { allowPrivateWebhooks: true } });
  const w = await db().webhook.create({
    data: {
      organizationId: s.org.id,
      name: "Matrix receiver",
      url: CLOSED_PORT,
      format: "STANDARD",
      secret: newSecret(),
      events: ["cue"],
    },
    select: { id: true },
  });
  return w.id;
}

async function failedDeliveryOf(s: Side): Promise<string> {
  const webhookId = await webhookOf(s);
  const d = await db().webhookDelivery.create({
    data: {
      organizationId: s.org.id,
      webhookId,
      event: "cue",
      body: "{}",
      status: "FAILED",
      attempts: 7,
      lastError: "x",
    },
    select: { id: true },
  });
  return d.id;
}

const fields = (s: Side) => ({
  name: "Support channel",
  url: PUBLIC_URL,
  format: "SLACK",
  events: ["cue", "reminder"],
  teamId: s.team.id,
});

const byId = (action: string, data: string, call: Row<{ id: string }>["call"], variant?: string) =>
  row({
    action,
    surface: A("webhooks"),
    variant,
    requires: "webhooks.manage",
    data: `webhooks.${data}`,
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => WebhookIdInput.parse({ id: await webhookOf(s) }),
    call,
    ids: [at("id", "not-found")],
  });

export const WEBHOOK_ACTION_ROWS: Row<unknown>[] = [
  row({
    action: "createWebhookAction",
    surface: A("webhooks"),
    requires: "webhooks.manage",
    data: "webhooks.createWebhook",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => WebhookInput.parse(fields(s)),
    call: (ctx, i) => createWebhook(ctx, i),
    ids: [at("teamId", "rule")],
  }),
  row({
    action: "updateWebhookAction",
    surface: A("webhooks"),
    requires: "webhooks.manage",
    data: "webhooks.updateWebhook",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => WebhookUpdateInput.parse({ id: await webhookOf(s), version: "1", ...fields(s) }),
    call: (ctx, i) => updateWebhook(ctx, i),
    ids: [at("id", "not-found"), at("teamId", "rule")],
  }),
  byId("deleteWebhookAction", "deleteWebhook", (ctx, i) => deleteWebhook(ctx, i.id)),
  row({
    action: "setWebhookEnabledAction",
    surface: A("webhooks"),
    requires: "webhooks.manage",
    data: "webhooks.setWebhookEnabled",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => WebhookEnabledInput.parse({ id: await webhookOf(s), enabled: "false" }),
    call: (ctx, i) => setWebhookEnabled(ctx, i.id, i.enabled === "true"),
    ids: [at("id", "not-found")],
  }),
  byId("rotateWebhookSecretAction", "rotateWebhookSecret", (ctx, i) => rotateWebhookSecret(ctx, i.id)),
  byId("sendTestEventAction", "sendTestEvent", (ctx, i) => sendTestEvent(ctx, i.id)),
  row({
    action: "redeliverAction",
    surface: A("webhooks"),
    requires: "webhooks.manage",
    data: "webhooks.redeliver",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => DeliveryIdInput.parse({ id: await failedDeliveryOf(s) }),
    call: (ctx, i) => redeliver(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: "setPrivateWebhooksAction",
    surface: A("webhooks"),
    requires: "webhooks.manage",
    data: "webhooks.setAllowPrivateWebhooks",
    kind: "write",
    allowed: ADMINS,
    setup: async () => PrivateWebhooksInput.parse({ allowPrivateWebhooks: "on" }),
    call: (ctx, i) => setAllowPrivateWebhooks(ctx, i.allowPrivateWebhooks),
  }),
  row({
    action: null,
    surface: "page /settings/webhooks",
    requires: "webhooks.manage",
    data: "webhooks.listWebhooks",
    kind: "read",
    allowed: ADMINS,
    setup: async () => ({}),
    call: (ctx) => listWebhooks(ctx),
  }),
  row({
    action: null,
    surface: "page /settings/webhooks/[id]",
    requires: "webhooks.manage",
    data: "webhooks.getWebhook",
    kind: "read",
    allowed: ADMINS,
    setup: async (s) => ({ id: await webhookOf(s) }),
    call: (ctx, i) => getWebhook(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /settings/webhooks/[id]",
    requires: "webhooks.manage",
    data: "webhooks.listDeliveries",
    kind: "read",
    allowed: ADMINS,
    setup: async (s) => ({ id: await webhookOf(s) }),
    call: (ctx, i) => listDeliveries(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
];
