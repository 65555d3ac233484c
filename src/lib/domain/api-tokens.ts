// API tokens (issue 20, docs/decisions/031): what a token may be allowed, and the rate limit's window.
// Pure: used by the data layer (to refuse), the route handlers and the admin page (to label).

export const API_SCOPES = [
  "observations:write",
  "observations:read",
  "catalogue:read",
  "metrics:write",
  "adoption:read",
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export const SCOPE_LABELS: Record<ApiScope, string> = {
  "observations:write": "Log observations",
  "observations:read": "Read observations",
  "catalogue:read": "Read behaviours, teams and metrics",
  "metrics:write": "Push metric readings",
  "adoption:read": "Read adoption and survey tabulations",
};

/** The secret's visible start: "cdt_" and six characters, enough to tell a list's tokens apart. */
export const TOKEN_PREFIX_LENGTH = 10;

/** Calls per token per minute unless CONDUCT_API_RATE_LIMIT says otherwise. */
export const DEFAULT_API_RATE_LIMIT = 120;
export const RATE_WINDOW_MS = 60_000;

/** Refused calls (no token, or one that is not valid) per client address per minute, unless CONDUCT_API_FAILURE_LIMIT says otherwise. */
export const DEFAULT_API_FAILURE_LIMIT = 30;

/** The fixed window a moment falls in: its start, a whole minute. */
export const windowStartOf = (now: Date): Date => new Date(Math.floor(now.getTime() / RATE_WINDOW_MS) * RATE_WINDOW_MS);

/** Whole seconds until the window ends (at least 1), for Retry-After. */
export const retryAfterSeconds = (now: Date): number =>
  Math.max(1, Math.ceil((windowStartOf(now).getTime() + RATE_WINDOW_MS - now.getTime()) / 1000));

export type TokenState = "active" | "expired" | "revoked";

export function tokenState(t: { expiresAt: Date | null; revokedAt: Date | null }, now: Date): TokenState {
  if (t.revokedAt) return "revoked";
  if (t.expiresAt && t.expiresAt <= now) return "expired";
  return "active";
}
