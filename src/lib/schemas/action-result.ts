import type { z } from "./zod";

// One result shape for every server action, consumed with useActionState.
export type FieldErrors = Partial<Record<string, string>>;

export type ActionResult<T = undefined> =
  { ok: true; data: T } | { ok: false; fieldErrors?: FieldErrors; formError?: string };

/** The first message per field of a failed zod parse. */
export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? String(issue.path[0]) : "form";
    if (!out[key]) out[key] = issue.message;
  }
  return out;
}

/** Reads a FormData into a plain object of strings (files and repeated keys are not used here). */
export function formObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (typeof v === "string" && !k.startsWith("$ACTION")) out[k] = v;
  return out;
}

/** Like formObject, plus the named keys as lists of every value sent (checkbox groups). */
export function formObjectWithLists<K extends string>(
  form: FormData,
  lists: readonly K[],
): Record<string, string> & Record<K, string[]> {
  const out: Record<string, unknown> = formObject(form);
  for (const key of lists) out[key] = form.getAll(key).filter((v): v is string => typeof v === "string");
  return out as Record<string, string> & Record<K, string[]>;
}
