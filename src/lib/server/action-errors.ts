import "server-only";
import { ForbiddenError, NotFoundError, RuleError } from "./errors";

type Failure = { ok: false; formError?: string; fieldErrors?: Record<string, string> };

/** Turns anything a data-layer call threw into the failure a form can show; never a stack trace. */
export function failureFrom(err: unknown): Failure {
  if (err instanceof RuleError)
    return err.field ? { ok: false, fieldErrors: { [err.field]: err.message } } : { ok: false, formError: err.message };
  if (err instanceof ForbiddenError) return { ok: false, formError: err.message };
  if (err instanceof NotFoundError) return { ok: false, formError: "That item no longer exists." };
  // Rethrow framework control flow (redirect(), notFound()).
  if (
    err &&
    typeof err === "object" &&
    "digest" in err &&
    typeof (err as { digest: unknown }).digest === "string" &&
    (err as { digest: string }).digest.startsWith("NEXT_")
  )
    throw err;
  console.error("[action] unexpected error", err);
  return { ok: false, formError: "Something went wrong on our side. Nothing was changed; please try again." };
}
