"use client";

/**
 * Signs out through next-auth's own endpoint (which ends the server-side session too), without
 * next-auth's client library: that would add about 12 kB to every signed-in page for one request.
 */
async function signOut(): Promise<void> {
  const { csrfToken } = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken: string };
  await fetch("/api/auth/signout", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Auth-Return-Redirect": "1" },
    body: new URLSearchParams({ csrfToken, callbackUrl: "/sign-in", json: "true" }),
  });
}

/** The Log page kept for offline use (public/sw.js, "conduct-pages-…") is this person's: it goes with the session. */
async function forgetKeptPages(): Promise<void> {
  if (!("caches" in window)) return;
  for (const name of await caches.keys()) if (name.startsWith("conduct-pages")) await caches.delete(name);
}

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={async () => {
        await signOut();
        await forgetKeptPages().catch(() => undefined);
        // A full load, so no page of the signed-in app stays in the client router's cache.
        // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- deliberate
        window.location.assign("/sign-in");
      }}
      className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      Sign out
    </button>
  );
}
