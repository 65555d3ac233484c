import { z } from "./zod";
import { id, text, versionNumber } from "./text";
import { FORMATS, SUBSCRIBABLE_EVENTS, type WebhookFormat } from "@/lib/domain/webhook-formats";
import { MAX_URL_LENGTH } from "@/lib/domain/webhook-urls";
import { CONTROL } from "@/lib/domain/text";

/** The address as typed: its shape and where it points are checked by the data layer (it resolves the host). */
const WebhookUrl = z
  .string({ error: "Enter the receiver's address." })
  .trim()
  .min(1, "Enter the receiver's address.")
  .max(MAX_URL_LENGTH, `The address can have at most ${MAX_URL_LENGTH} characters.`)
  .refine((s) => !CONTROL.test(s) && !/\s/.test(s), "Remove spaces and control characters from the address.");

const teamOrNone = z.preprocess(
  (v) => (v === "" || v === undefined ? null : v),
  id("Choose a team, or all teams.").nullable(),
);

const fields = {
  name: text("Name", 1, 80),
  url: WebhookUrl,
  format: z.enum(FORMATS, { error: "Choose a format." }),
  events: z
    .array(z.enum(SUBSCRIBABLE_EVENTS, { error: "Choose the events to send." }), {
      error: "Choose the events to send.",
    })
    .min(1, "Choose at least one event to send.")
    .max(SUBSCRIBABLE_EVENTS.length)
    .transform((list) => [...new Set(list)]),
  teamId: teamOrNone,
};

export const WebhookInput = z.object(fields);
export type WebhookInput = z.infer<typeof WebhookInput>;

export const WebhookUpdateInput = z.object({ id: id("Choose a webhook."), version: versionNumber(), ...fields });
export type WebhookUpdateInput = z.infer<typeof WebhookUpdateInput>;

export const WebhookIdInput = z.object({ id: id("Choose a webhook.") });
export const WebhookEnabledInput = z.object({ id: id("Choose a webhook."), enabled: z.enum(["true", "false"]) });
export const DeliveryIdInput = z.object({ id: id("Choose a delivery.") });
/** A checkbox: "on" when ticked, absent when not. */
export const PrivateWebhooksInput = z.object({
  allowPrivateWebhooks: z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on"),
});

export interface WebhookDto {
  id: string;
  name: string;
  url: string;
  format: WebhookFormat;
  events: string[];
  teamId: string | null;
  teamName: string | null;
  enabled: boolean;
  disabledReason: string | null;
  disabledAt: string | null;
  consecutiveFailures: number;
  version: number;
  lastDelivery: { status: DeliveryStatus; at: string; event: string } | null;
}

export type DeliveryStatus = "PENDING" | "DELIVERED" | "FAILED";

export interface DeliveryDto {
  id: string;
  event: string;
  status: DeliveryStatus;
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  createdAt: string;
  lastAttemptAt: string | null;
  deliveredAt: string | null;
}

export interface WebhookListDto {
  webhooks: WebhookDto[];
  allowPrivateWebhooks: boolean;
  teams: { id: string; name: string }[];
  timeZone: string;
}

export interface DeliveryPageDto {
  items: DeliveryDto[];
  nextCursor: string | null;
}

/** Shown once: at creation, and when the secret is rotated. */
export interface WebhookSecretDto {
  id: string;
  secret: string;
}

export interface TestEventDto {
  deliveryId: string;
  status: DeliveryStatus;
  message: string;
}
