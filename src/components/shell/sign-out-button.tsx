"use client";
import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={async () => {
        await signOut({ redirect: false });
        // A full load, so no page of the signed-in app stays in the client router's cache.
        window.location.assign("/sign-in");
      }}
      className="rounded-md px-3 py-2 text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
    >
      Sign out
    </button>
  );
}
