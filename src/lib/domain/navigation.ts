/**
 * Whether following a link from `current` to `target` loads another page of this app (and so may
 * wait for data): same origin, and another path or query. A link to the same page, or only to an
 * anchor on it, loads nothing; another origin is the browser's business.
 */
export function isInternalNavigation(current: string, target: string): boolean {
  let from: URL;
  let to: URL;
  try {
    from = new URL(current);
    to = new URL(target, from);
  } catch {
    return false;
  }
  if (to.origin !== from.origin || (to.protocol !== "http:" && to.protocol !== "https:")) return false;
  // Route handlers (downloads such as CSV exports) are not pages: the router does not load them.
  if (to.pathname.startsWith("/api/")) return false;
  return to.pathname !== from.pathname || to.search !== from.search;
}
