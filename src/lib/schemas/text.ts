import { z } from "./zod";

/** Control characters that have no place in text people read (NUL, bidirectional overrides…). */
import { CONTROL } from "@/lib/domain/text";
import { addDays, currentDay, EARLIEST_DAY, EARLIEST_DAY_MESSAGE } from "@/lib/domain/dates";

export { CONTROL, CONTROL_ALL } from "@/lib/domain/text";

/** Trimmed text with a clear message for missing, too short, too long and control characters. */
export const text = (label: string, min: number, max: number) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .min(min === 0 ? 0 : 1, `${label} is required.`)
    .min(min, `${label} needs at least ${min} characters.`)
    .max(max, `${label} can have at most ${max} characters.`)
    .refine((s) => !CONTROL.test(s), "Remove control characters.");

// Record ids are cuids: letters and digits. Anything else (control characters, quotes, spaces) is not
// an id of ours, and is refused here rather than reaching a query.
const ID_SHAPE = /^[A-Za-z0-9_-]{1,40}$/;

/** An id chosen in a form; `message` is what the person sees beside the field. */
export const id = (message = "Choose one.") =>
  z.string({ error: message }).trim().min(1, message).max(40, message).regex(ID_SHAPE, message);

/** An id from a URL filter: a malformed one is simply no filter. */
export const optionalId = z.string().trim().regex(ID_SHAPE).optional().catch(undefined);

/** A version counter: a positive whole number that fits the database's integer. */
export const versionNumber = (message = "Reload the page and try again.") =>
  z.coerce.number({ error: message }).int(message).min(1, message).max(2_147_483_647, message);

/**
 * A calendar day typed into a form: a real date, not before EARLIEST_DAY, and (unless `future`) not
 * after today. "Today" here is tomorrow in UTC, so a person east of UTC can enter their today; the
 * data layer checks the exact day in the organisation's zone.
 */
export const day = (message = "Enter a date.", { future = false }: { future?: boolean } = {}) =>
  z.iso
    .date(message)
    .refine((d) => d >= EARLIEST_DAY, EARLIEST_DAY_MESSAGE)
    .refine((d) => future || d <= addDays(currentDay(), 1), "The date cannot be in the future.");

/** A day in a URL filter: a malformed or absurd one is simply no filter. */
export const filterDay = z.iso
  .date()
  .refine((d) => d >= EARLIEST_DAY && d <= "9999-12-31")
  .optional()
  .catch(undefined);
