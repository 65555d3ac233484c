"use client";
import { useSyncExternalStore } from "react";

const subscribeNever = () => () => {};

/**
 * True once React runs in the browser; false in the server's HTML. Until then a form's onSubmit is
 * not attached, and a click would submit the form natively: a GET to the page with every field in
 * the address (a password in the URL, the history and the server's logs) and the typed values gone.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNever,
    () => true,
    () => false,
  );
}
