/* global self, caches, fetch, URL, Request */
// Conduct's service worker (issue 20, docs/decisions/032): the Log pad opens without a connection.
// - The Log page is fetched from the network first; its last good copy is kept for when there is no connection.
// - The app's built files (/_next/static, content-hashed) and the icon are kept once fetched.
// - Nothing else is touched: every other page, action and API call goes to the network as before.
// The page that registers this worker asks it to keep the page and the files it already loaded ("keep"), and
// signing out asks it to forget the pages ("forget"): a signed-in page never outlives its session on the phone.
const PAGES = "conduct-pages-v1";
const FILES = "conduct-files-v1";
const OFFLINE_PAGES = ["/log"];

const isFile = (url) => url.pathname.startsWith("/_next/static/") || url.pathname === "/icon.svg";
const isOfflinePage = (url) => OFFLINE_PAGES.includes(url.pathname);

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keep = new Set([PAGES, FILES]);
      for (const name of await caches.keys())
        if (name.startsWith("conduct-") && !keep.has(name)) await caches.delete(name);
      await self.clients.claim();
    })(),
  );
});

/** A page is kept only when it is the page itself: a 200 that was not a redirect (to sign-in, say). */
async function keepPage(request, response) {
  if (response.ok && !response.redirected && response.type === "basic")
    await (await caches.open(PAGES)).put(new URL(request.url).pathname, response.clone());
  return response;
}

async function keepFile(request, response) {
  if (response.ok) await (await caches.open(FILES)).put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (isFile(url)) {
    event.respondWith(
      (async () => (await caches.match(request, { cacheName: FILES })) ?? keepFile(request, await fetch(request)))(),
    );
  } else if (request.mode === "navigate" && isOfflinePage(url)) {
    event.respondWith(
      (async () => {
        try {
          return await keepPage(request, await fetch(request));
        } catch (error) {
          const kept = await caches.match(url.pathname, { cacheName: PAGES });
          if (kept) return kept;
          throw error;
        }
      })(),
    );
  }
});

self.addEventListener("message", (event) => {
  const data = event.data ?? {};
  if (data.type === "forget") event.waitUntil(caches.delete(PAGES));
  if (data.type === "keep" && Array.isArray(data.urls))
    event.waitUntil(
      (async () => {
        let kept = false;
        for (const href of data.urls) {
          const url = new URL(href, self.location.origin);
          if (url.origin !== self.location.origin) continue;
          const request = new Request(url, { credentials: "same-origin" });
          try {
            if (isOfflinePage(url)) kept = (await keepPage(request, await fetch(request))).ok || kept;
            else if (isFile(url) && !(await caches.match(request, { cacheName: FILES })))
              await keepFile(request, await fetch(request));
          } catch {
            // Offline already: what is kept stays kept.
          }
        }
        // The page that asked hears whether its copy is kept (it says so to the person).
        event.ports[0]?.postMessage({ kept });
      })(),
    );
});
