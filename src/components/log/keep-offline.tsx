"use client";
import { useEffect, useState } from "react";

/**
 * Registers the service worker (public/sw.js) and asks it to keep this page and the built files it loaded, so the
 * Log pad opens on this phone without a connection. Says so once it is done; says nothing where it cannot be.
 */
export function KeepOffline() {
  const [kept, setKept] = useState(false);
  useEffect(() => {
    if (!("serviceWorker" in navigator) || !window.isSecureContext) return;
    let live = true;
    void (async () => {
      await navigator.serviceWorker.register("/sw.js", { scope: "/" });
      const worker = (await navigator.serviceWorker.ready).active;
      if (!worker) return;
      const files = performance
        .getEntriesByType("resource")
        .map((e) => e.name)
        .filter((name) => new URL(name).pathname.startsWith("/_next/static/"));
      const channel = new MessageChannel();
      channel.port1.onmessage = (e: MessageEvent<{ kept?: boolean }>) => {
        if (live && e.data.kept) setKept(true);
      };
      worker.postMessage({ type: "keep", urls: [location.pathname, ...files] }, [channel.port2]);
    })().catch((err: unknown) => console.warn("The Log pad could not be kept for offline use", err));
    return () => {
      live = false;
    };
  }, []);
  if (!kept) return null;
  return <p className="text-sm text-slate-600 dark:text-slate-400">This page also works offline on this device.</p>;
}
