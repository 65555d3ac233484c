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
  // Route handlers are not pages: the router does not load them, and a download leaves the page as
  // it was, so a bar started for one would never end. They live under /api/ and /scim/, end in /export,
  // /one-click (a mail client's unsubscribe) or /my-data (a person's copy), or name a file (agenda.md) (tests/unit/navigation.test.ts
  // checks every route.ts against this).
  if (/^\/(api|scim)\//.test(to.pathname) || /\/(export|one-click|my-data)\/?$|\/[\w-]+\.[a-z]{1,5}$/.test(to.pathname))
    return false;
  return to.pathname !== from.pathname || to.search !== from.search;
}
