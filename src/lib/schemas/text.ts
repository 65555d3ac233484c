import { z } from "./zod";

/** Control characters that have no place in text people read (NUL, bidirectional overrides…). */
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Trimmed text with a clear message for missing, too short, too long and control characters. */
export const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(min === 0 ? 0 : 1, `${label} is required.`)
    .min(min, `${label} needs at least ${min} characters.`)
    .max(max, `${label} can have at most ${max} characters.`)
    .refine((s) => !CONTROL.test(s), "Remove control characters.");
