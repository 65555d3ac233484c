import "server-only";
// The channels the notifications tick sends through (docs/decisions/022): the mail outbox and the
// webhooks module, in one place.
export { queueMail, nudgeMail, type MailInput } from "../mail/outbox";
export { recipientsFor } from "../mail/recipients";
export { queueWebhookEvent, queueWebhookEventTo, nudgeWebhooks } from "../webhooks/events";
export type { WebhookEvent } from "@/lib/domain/webhook-formats";
export { appUrl } from "../app-url";
