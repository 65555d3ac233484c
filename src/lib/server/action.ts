import "server-only";
import type { Permission } from "@/lib/domain/roles";
import { formObject, zodFieldErrors, type ActionResult } from "@/lib/schemas/action-result";
import type { z } from "@/lib/schemas/zod";
import { failureFrom } from "./action-errors";
import { getSessionUser, type SignedInUser } from "./auth";
import { requireMember } from "./context";
import type { MemberContext } from "./data/accounts";
import { ForbiddenError } from "./errors";

/**
 * The one way to write a server action: its input schema, who may call it, and one data-layer
 * call. Parsing, the permission check, turning errors into an ActionResult (by error class, never
 * by message text) and what happens after success (revalidate, redirect) live here once.
 */
interface ActionSpec<S extends z.ZodType, C, T> {
  schema: S;
  /** When the input does not parse: one message instead of (or, with `fields`, beside) field errors. */
  invalid?: { formError: string; fields?: boolean };
  /** What a NotFoundError means to this action, when "That item no longer exists." says too little. */
  notFound?: string;
  run: (caller: C, input: z.output<S>) => Promise<T>;
  /** After success, outside the error mapping, so redirect() works: revalidate, redirect. */
  after?: (result: T, input: z.output<S>) => void;
}

interface MemberSpec<S extends z.ZodType, T> extends ActionSpec<S, MemberContext, T> {
  /** Checked by requireMember, which audits a refusal; null lets any member in (the data layer decides). */
  permission: Permission | null;
}

/**
 * How a form's fields become the schema's input (default: every string field). A reader may be
 * async (an uploaded file) and may throw a RuleError, shown beside its field like a schema's.
 */
type FormReader = (form: FormData) => unknown;

async function perform<S extends z.ZodType, C, T>(
  spec: ActionSpec<S, C, T>,
  caller: () => Promise<C>,
  read: () => unknown,
): Promise<ActionResult<T>> {
  let raw: unknown;
  try {
    raw = await read();
  } catch (err) {
    return failureFrom(err);
  }
  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = !spec.invalid || spec.invalid.fields ? zodFieldErrors(parsed.error) : undefined;
    return { ok: false, fieldErrors, formError: spec.invalid?.formError };
  }
  let data: T;
  try {
    data = await spec.run(await caller(), parsed.data);
  } catch (err) {
    return failureFrom(err, spec.notFound);
  }
  spec.after?.(data, parsed.data);
  return { ok: true, data };
}

const asMember = (permission: Permission | null) => () => requireMember(permission ?? undefined);

async function signedInUser(): Promise<SignedInUser> {
  const user = await getSessionUser();
  if (!user) throw new ForbiddenError("Your session has ended. Sign in again.");
  return user;
}

const nobody = () => Promise.resolve(null);

/** A form action (useActionState) for members of the current organisation. */
export function formAction<S extends z.ZodType, T>(spec: MemberSpec<S, T> & { read?: FormReader }) {
  const read = spec.read ?? formObject;
  return (_prev: unknown, form: FormData): Promise<ActionResult<T>> =>
    perform(spec, asMember(spec.permission), () => read(form));
}

/** An action called directly from a client component with a plain object. */
export function callAction<S extends z.ZodType, T>(spec: MemberSpec<S, T>) {
  return (input: unknown): Promise<ActionResult<T>> => perform(spec, asMember(spec.permission), () => input);
}

/** A form action for any signed-in user, member of an organisation or not (e.g. start another one). */
export function signedInFormAction<S extends z.ZodType, T>(spec: ActionSpec<S, SignedInUser, T>) {
  return (_prev: unknown, form: FormData): Promise<ActionResult<T>> =>
    perform(spec, signedInUser, () => formObject(form));
}

/** A form action anyone may call (sign-up, an invitation link: the token is the authority). */
export function publicFormAction<S extends z.ZodType, T>(spec: ActionSpec<S, null, T>) {
  return (_prev: unknown, form: FormData): Promise<ActionResult<T>> => perform(spec, nobody, () => formObject(form));
}
