import type { Ref } from "react";
import { TextLink } from "@/components/ui/text-link";

const BUTTON =
  "min-h-10 rounded-md border border-red-400 bg-white px-3 font-semibold text-red-800 aria-disabled:opacity-60 dark:border-red-700 dark:bg-red-900 dark:text-red-100";

/**
 * A tap that did not save, below the Performed and Missed buttons so it does not move them; focused by the pad,
 * so it is read and in view. A tap that may succeed later offers Retry (the same entry, saved once) and Send later.
 */
export function LogFailure({
  ref,
  message,
  retry,
  pending,
  onRetry,
  onLater,
}: {
  ref: Ref<HTMLDivElement>;
  message: string;
  retry: boolean;
  pending: boolean;
  onRetry: (button: HTMLElement) => void;
  onLater: () => void;
}) {
  return (
    <div
      ref={ref}
      role="alert"
      tabIndex={-1}
      className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
    >
      <p>{message}</p>
      {retry && (
        <button
          type="button"
          aria-disabled={pending || undefined}
          onClick={(e) => onRetry(e.currentTarget)}
          className={BUTTON}
        >
          {pending ? "Retrying…" : "Retry"}
        </button>
      )}
      {retry && (
        <button type="button" aria-disabled={pending || undefined} onClick={onLater} className={BUTTON}>
          Send later
        </button>
      )}
    </div>
  );
}

/** The pad of someone in no team: nothing to log for yet, and who can change that. */
export function NoTeamYet({ manageTeams }: { manageTeams: boolean }) {
  return (
    <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm dark:border-slate-700">
      You are not in a team yet, so there is nothing to log for.{" "}
      {manageTeams ? (
        <>
          <TextLink href="/teams">Create a team and add its people</TextLink>, yourself included.
        </>
      ) : (
        "Ask an admin or your team's manager to add you to your team."
      )}
    </p>
  );
}
