"use server";
import { z } from "@/lib/schemas/zod";
import { formAction } from "@/lib/server/action";
import { sendMyDigestNow } from "@/lib/server/notify/digest-preview";

export const sendMyDigestAction = formAction({
  schema: z.object({}),
  permission: null,
  run: (ctx) => sendMyDigestNow(ctx),
});
