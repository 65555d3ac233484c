import { z } from "./zod";
import { id, text, versionNumber } from "./text";
import { CUE_MESSAGE_MAX } from "@/lib/domain/cues";

const checkbox = z
  .enum(["on"])
  .optional()
  .transform((v) => v === "on");

const CueFields = z.object({
  behaviourId: id(),
  message: text("Message", 3, CUE_MESSAGE_MAX),
  weekdays: z
    .array(z.enum(["1", "2", "3", "4", "5", "6", "7"], { error: "Choose the days from the list." }), {
      error: "Choose at least one day.",
    })
    .min(1, "Choose at least one day.")
    .max(7, "Choose the days from the list.")
    .transform((days) => [...new Set(days.map(Number))].sort((a, b) => a - b)),
  localTime: z
    .string({ error: "Enter a time such as 09:00." })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Enter a time such as 09:00."),
  email: checkbox,
  webhookId: z
    .string()
    .trim()
    .max(40, "Choose a webhook from the list.")
    .regex(/^[A-Za-z0-9_-]*$/, "Choose a webhook from the list.")
    .optional()
    .transform((v) => (v ? v : null)),
  enabled: checkbox,
});

/** A cue goes somewhere: by e-mail, to a webhook, or both. */
const oneChannel = (c: { email: boolean; webhookId: string | null }, ctx: z.RefinementCtx) => {
  if (!c.email && !c.webhookId)
    ctx.addIssue({ code: "custom", path: ["email"], message: "Send it by e-mail, to a webhook, or both." });
};

export const CueInput = CueFields.superRefine(oneChannel);
export type CueInput = z.infer<typeof CueInput>;

export const UpdateCueInput = CueFields.extend({ id: id(), version: versionNumber() }).superRefine(oneChannel);
export type UpdateCueInput = z.infer<typeof UpdateCueInput>;

export const DeleteCueInput = z.object({ id: id() });
export const SendCueTestInput = z.object({ id: id() });

export interface CueDto {
  id: string;
  message: string;
  weekdays: number[];
  localTime: string;
  /** "Mondays at 09:00". */
  schedule: string;
  email: boolean;
  webhookId: string | null;
  webhookName: string | null;
  enabled: boolean;
  version: number;
}

export interface CueSectionDto {
  cues: CueDto[];
  webhooks: { id: string; name: string }[];
  timeZone: string;
}
