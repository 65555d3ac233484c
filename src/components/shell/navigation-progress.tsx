"use client";
import { Suspense, useEffect, useRef, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";
import { isInternalNavigation } from "@/lib/domain/navigation";
import { onHistoryWrite } from "./history-writes";

// A top progress bar while a page loads. Not loading.tsx: a loading boundary makes pages stream,
// and notFound() after streaming has begun answers 200 instead of 404 (see the page matrix tests).
// It starts on a click on a link to another page of the app (or a GET form's submission) and ends
// when the router commits the new page, which it does by writing history (even for a redirect back
// to the same URL, where neither path nor query changes). It shows only after SHOW_AFTER_MS, so fast
// navigations do not flash.
export const SHOW_AFTER_MS = 150;

function Progress() {
  const here = `${usePathname()}?${useSearchParams().toString()}`;
  // The page the bar was shown on: once another page is shown, it is hidden even before the
  // history write arrives.
  const [shownOn, setShownOn] = useState<string | null>(null);
  const visible = shownOn === here;
  const hereRef = useRef(here);
  const timer = useRef<number | null>(null);

  useEffect(() => {
    hereRef.current = here;
  }, [here]);

  useEffect(() => {
    const stop = () => {
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = null;
      setShownOn(null);
    };
    const start = () => {
      if (timer.current !== null) return;
      timer.current = window.setTimeout(() => {
        timer.current = null;
        setShownOn(hereRef.current);
      }, SHOW_AFTER_MS);
    };
    const onClick = (e: MouseEvent) => {
      if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
      const link = (e.target as Element | null)?.closest?.("a[href]");
      if (!(link instanceof HTMLAnchorElement) || link.target || link.hasAttribute("download")) return;
      if (isInternalNavigation(window.location.href, link.href)) start();
    };
    const onSubmit = (e: SubmitEvent) => {
      const form = e.target;
      if (form instanceof HTMLFormElement && form.method === "get" && !e.defaultPrevented) start();
    };
    // Capture phase: Next's <Link> cancels the click's default to route it itself.
    document.addEventListener("click", onClick, true);
    document.addEventListener("submit", onSubmit);
    const unsubscribe = onHistoryWrite(stop);
    return () => {
      document.removeEventListener("click", onClick, true);
      document.removeEventListener("submit", onSubmit);
      unsubscribe();
      if (timer.current !== null) window.clearTimeout(timer.current);
    };
  }, []);

  return (
    <>
      {visible && (
        <div
          role="progressbar"
          aria-label="Loading page"
          className="fixed inset-x-0 top-0 z-50 h-1 overflow-hidden bg-brand-100 dark:bg-brand-700/40"
        >
          <div className="h-full w-1/3 animate-pulse bg-brand-600 motion-reduce:animate-none dark:bg-brand-300" />
        </div>
      )}
      <p aria-live="polite" className="sr-only">
        {visible ? "Loading…" : ""}
      </p>
    </>
  );
}

/** useSearchParams needs a Suspense boundary; without one the bar would only be missing, nothing else. */
export function NavigationProgress() {
  return (
    <Suspense fallback={null}>
      <Progress />
    </Suspense>
  );
}
