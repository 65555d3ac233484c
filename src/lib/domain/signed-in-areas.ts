// The first path segments of the signed-in part of the app: every folder of src/app/(app) (a unit test keeps
// the two the same). The proxy sends a visitor with no session cookie there to sign-in, returning them after.
export const SIGNED_IN_AREAS = [
  "/actions",
  "/barriers",
  "/catalogue",
  "/dashboards",
  "/decisions",
  "/feedback",
  "/help",
  "/inbox",
  "/interventions",
  "/log",
  "/metrics",
  "/privacy",
  "/profile",
  "/recognition",
  "/rituals",
  "/settings",
  "/spot-checks",
  "/surveys",
  "/teams",
] as const;

/** Whether a path is in the signed-in part of the app. */
export const inSignedInArea = (path: string): boolean =>
  SIGNED_IN_AREAS.some((a) => path === a || path.startsWith(`${a}/`));
