// Hostile-input cases for the webhook actions' schemas (issue 17); part of CASES in hostile-cases.ts.
import {
  DeliveryIdInput,
  PrivateWebhooksInput,
  WebhookEnabledInput,
  WebhookIdInput,
  WebhookInput,
  WebhookUpdateInput,
} from "@/lib/schemas/webhooks";
import { FORMATS } from "@/lib/domain/webhook-formats";
import { MAX_URL_LENGTH } from "@/lib/domain/webhook-urls";
import type { SchemaCase } from "./hostile-cases";

const ID = "clx0a1b2c3d4e5f6g7h8i9j0k";
const id = { kind: "id", max: 40 } as const;

const webhook = {
  name: "Support channel",
  url: "https://hooks.slack.com/services/T000/B000/XXXX",
  format: "SLACK",
  events: ["cue", "reminder"],
  teamId: ID,
};
const webhookRules = {
  name: { kind: "text", max: 80 },
  url: { kind: "text", max: MAX_URL_LENGTH },
  format: { kind: "enum", values: FORMATS },
  events: { kind: "ids", max: 4, each: 40 },
  teamId: { kind: "id", max: 40, nullable: true },
} as const;

export const WEBHOOK_CASES: SchemaCase[] = [
  {
    name: "WebhookInput",
    actions: "createWebhookAction",
    schema: WebhookInput,
    base: webhook,
    rules: webhookRules,
    form: { lists: ["events"] },
  },
  {
    name: "WebhookUpdateInput",
    actions: "updateWebhookAction",
    schema: WebhookUpdateInput,
    base: { id: ID, version: "3", ...webhook },
    rules: { id, version: { kind: "int", min: 1, max: 2_147_483_647 }, ...webhookRules },
    form: { lists: ["events"] },
  },
  {
    name: "WebhookIdInput",
    actions: "deleteWebhookAction, rotateWebhookSecretAction, sendTestEventAction",
    schema: WebhookIdInput,
    base: { id: ID },
    rules: { id },
    form: {},
  },
  {
    name: "WebhookEnabledInput",
    actions: "setWebhookEnabledAction",
    schema: WebhookEnabledInput,
    base: { id: ID, enabled: "true" },
    rules: { id, enabled: { kind: "enum", values: ["true", "false"] } },
    form: {},
  },
  {
    name: "DeliveryIdInput",
    actions: "redeliverAction",
    schema: DeliveryIdInput,
    base: { id: ID },
    rules: { id },
    form: {},
  },
  {
    name: "PrivateWebhooksInput",
    actions: "setPrivateWebhooksAction",
    schema: PrivateWebhooksInput,
    base: { allowPrivateWebhooks: "on" },
    rules: { allowPrivateWebhooks: { kind: "bool" } },
    form: {},
  },
];
