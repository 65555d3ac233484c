"use server";
import { revalidatePath } from "next/cache";
import {
  DeliveryIdInput,
  PrivateWebhooksInput,
  WebhookEnabledInput,
  WebhookIdInput,
  WebhookInput,
  WebhookUpdateInput,
} from "@/lib/schemas/webhooks";
import { formObjectWithLists } from "@/lib/schemas/action-result";
import { formAction } from "@/lib/server/action";
import {
  createWebhook,
  deleteWebhook,
  redeliver,
  rotateWebhookSecret,
  sendTestEvent,
  setAllowPrivateWebhooks,
  setWebhookEnabled,
  updateWebhook,
} from "@/lib/server/data/webhooks";

const revalidate = () => revalidatePath("/settings/webhooks", "layout");
const withEvents = (form: FormData) => formObjectWithLists(form, ["events"]);

/** Returns the signing secret, shown once. */
export const createWebhookAction = formAction({
  schema: WebhookInput,
  permission: "webhooks.manage",
  read: withEvents,
  run: (ctx, input) => createWebhook(ctx, input),
  after: revalidate,
});

export const updateWebhookAction = formAction({
  schema: WebhookUpdateInput,
  permission: "webhooks.manage",
  read: withEvents,
  run: (ctx, input) => updateWebhook(ctx, input),
  after: revalidate,
});

export const deleteWebhookAction = formAction({
  schema: WebhookIdInput,
  permission: "webhooks.manage",
  invalid: { formError: "Choose a webhook." },
  run: (ctx, { id }) => deleteWebhook(ctx, id),
  after: revalidate,
});

export const setWebhookEnabledAction = formAction({
  schema: WebhookEnabledInput,
  permission: "webhooks.manage",
  invalid: { formError: "Choose a webhook." },
  run: (ctx, { id, enabled }) => setWebhookEnabled(ctx, id, enabled === "true"),
  after: revalidate,
});

export const rotateWebhookSecretAction = formAction({
  schema: WebhookIdInput,
  permission: "webhooks.manage",
  invalid: { formError: "Choose a webhook." },
  run: (ctx, { id }) => rotateWebhookSecret(ctx, id),
  after: revalidate,
});

export const sendTestEventAction = formAction({
  schema: WebhookIdInput,
  permission: "webhooks.manage",
  invalid: { formError: "Choose a webhook." },
  run: (ctx, { id }) => sendTestEvent(ctx, id),
  after: revalidate,
});

export const redeliverAction = formAction({
  schema: DeliveryIdInput,
  permission: "webhooks.manage",
  invalid: { formError: "Choose a delivery." },
  run: (ctx, { id }) => redeliver(ctx, id),
  after: revalidate,
});

export const setPrivateWebhooksAction = formAction({
  schema: PrivateWebhooksInput,
  permission: "webhooks.manage",
  run: (ctx, { allowPrivateWebhooks }) => setAllowPrivateWebhooks(ctx, allowPrivateWebhooks),
  after: revalidate,
});
