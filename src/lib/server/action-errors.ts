import "server-only";
import { ForbiddenError, NotFoundError, RuleError } from "./errors";

type Failure = { ok: false; formError?: string; fieldErrors?: Record<string, string> };

const NOT_FOUND = "That item no longer exists.";

function isFrameworkControlFlow(err: unknown): boolean {
  // redirect() and notFound() throw errors whose digest starts with NEXT_; they must reach Next.js.
  return (
    typeof err === "object" &&
    err !== null &&
    "digest" in err &&
    typeof err.digest === "string" &&
    err.digest.startsWith("NEXT_")
  );
}

/**
 * Turns anything a data-layer call threw into the failure a form can show, by error class; never a
 * stack trace. `notFound` says what a missing record means to the action at hand.
 */
export function failureFrom(err: unknown, notFound = NOT_FOUND): Failure {
  if (err instanceof RuleError)
    return err.field ? { ok: false, fieldErrors: { [err.field]: err.message } } : { ok: false, formError: err.message };
  if (err instanceof ForbiddenError) return { ok: false, formError: err.message };
  if (err instanceof NotFoundError) return { ok: false, formError: notFound };
  if (isFrameworkControlFlow(err)) throw err;
  console.error("[action] unexpected error", err);
  return { ok: false, formError: "Something went wrong on our side. Nothing was changed; please try again." };
}
