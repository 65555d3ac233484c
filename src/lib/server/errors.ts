import "server-only";

/** A record that does not exist for the caller: another organisation's id looks exactly like this. */
export class NotFoundError extends Error {
  constructor() {
    super("Not found");
  }
}

/** The caller is known but their role does not allow this. */
export class ForbiddenError extends Error {
  constructor(message = "You do not have permission to do that.") {
    super(message);
  }
}

/** A rule of the product was broken; the message is safe to show, optionally beside a field. */
export class RuleError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** Several rules broken at once, each beside its field (a batch of API entries); the first is the RuleError's. */
export class FieldRuleErrors extends RuleError {
  constructor(readonly issues: readonly { path: readonly (string | number)[]; message: string }[]) {
    super(issues[0]?.message ?? "Invalid request", issues[0]?.path.join("."));
  }
}
