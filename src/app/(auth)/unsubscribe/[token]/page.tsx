import { notFound } from "next/navigation";
import { unsubscribeTarget } from "@/lib/server/mail/settings";
import { NotFoundError } from "@/lib/server/errors";
import { Button } from "@/components/ui/button";
import { TextLink } from "@/components/ui/text-link";

export const metadata = { title: "Unsubscribe" };

/**
 * Where an e-mail's visible unsubscribe link leads. Showing it changes nothing (mail scanners open
 * links); the button posts to the one-click endpoint, which works without signing in.
 */
export default async function UnsubscribePage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  const done = (await searchParams).done === "1";
  const target = await unsubscribeTarget(token).catch((err: unknown) => {
    if (err instanceof NotFoundError) notFound();
    throw err;
  });
  return (
    <>
      <h1 className="mb-2 text-xl font-semibold">
        {done ? "You are unsubscribed" : `Stop ${target.what} from ${target.organisationName}?`}
      </h1>
      {done ? (
        <p role="status" className="text-sm text-slate-700 dark:text-slate-300">
          You will get no more {target.what} from {target.organisationName} by e-mail. You can turn them on again in
          your profile.
        </p>
      ) : (
        <form method="post" action={`/unsubscribe/${encodeURIComponent(token)}/one-click`} className="space-y-3">
          <p className="text-sm text-slate-700 dark:text-slate-300">
            You will no longer receive {target.what} from {target.organisationName} by e-mail. Other messages are not
            affected.
          </p>
          <input type="hidden" name="List-Unsubscribe" value="One-Click" />
          <Button type="submit">Unsubscribe</Button>
        </form>
      )}
      <p className="mt-6 text-sm">
        <TextLink href="/profile">Notification settings</TextLink>
      </p>
    </>
  );
}
