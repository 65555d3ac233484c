"use client";
import { useEffect, useState } from "react";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { endOtherSessionsAction, signOutEverywhereAction } from "@/lib/actions/profile";

const plural = (n: number) => `${n} other browser${n === 1 ? "" : "s"}`;

export function SessionsPanel({ otherSessions }: { otherSessions: number }) {
  const [others, onEndOthers, endingOthers, othersFeedback] = useFormAction(endOtherSessionsAction);
  const [everywhere, onEverywhere, endingAll, everywhereFeedback] = useFormAction(signOutEverywhereAction);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => {
    // A full load, so no signed-in page stays in the client router's cache.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- deliberate
    if (everywhere?.ok) window.location.assign("/sign-in");
  }, [everywhere]);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        {otherSessions === 0 ? "You are signed in here only." : `You are also signed in on ${plural(otherSessions)}.`}
      </p>
      {otherSessions > 0 && (
        <form onSubmit={onEndOthers} className="space-y-2">
          <Button type="submit" variant="secondary" disabled={endingOthers}>
            Sign out other browsers
          </Button>
          <FormError {...othersFeedback} />
        </form>
      )}
      {others?.ok && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          Signed out {plural(others.data.ended)}.
        </p>
      )}
      <form onSubmit={onEverywhere} className="space-y-2">
        {confirming ? (
          <div role="group" aria-label="Confirm signing out everywhere" className="flex flex-wrap items-center gap-2">
            <span className="text-sm">Sign out of every browser, this one included?</span>
            <Button type="submit" variant="danger" disabled={endingAll}>
              Yes, sign out everywhere
            </Button>
            <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
              Cancel
            </Button>
          </div>
        ) : (
          <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
            Sign out everywhere
          </Button>
        )}
        <FormError {...everywhereFeedback} />
      </form>
    </div>
  );
}
