import type { RecognitionDto } from "@/lib/schemas/recognition";
import { formatDay } from "@/lib/domain/dates";
import { TextLink } from "@/components/ui/text-link";
import { RemoveRecognitionButton } from "./remove-recognition-button";

/**
 * Recognitions as a list: who was thanked, for which behaviour, the act and what changed for the
 * customer. Used by the feed, the team page, the standup's wins and ritual agendas; `compact`
 * leaves out the remove buttons and the observation (a meeting's agenda reads, it does not moderate).
 */
export function RecognitionList({
  rows,
  viewerMembershipId,
  compact = false,
  testId = "recognitions",
}: {
  rows: RecognitionDto[];
  viewerMembershipId?: string;
  compact?: boolean;
  testId?: string;
}) {
  return (
    <ul className="space-y-3" data-testid={testId}>
      {rows.map((r) => (
        <li
          key={r.id}
          className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800"
          aria-label={`${r.recipient.name}, recognised for ${r.behaviour.title}`}
        >
          <p>
            <strong>{r.recipient.name}</strong>
            {r.recipient.kind === "team" && (
              <>
                {" "}
                (<TextLink href={`/teams/${r.recipient.teamId}`}>team</TextLink>)
              </>
            )}{" "}
            · <TextLink href={`/catalogue/${r.behaviour.id}`}>{r.behaviour.title}</TextLink>
          </p>
          <p className="mt-1 whitespace-pre-line">{r.act}</p>
          <p className="mt-1 whitespace-pre-line text-slate-700 dark:text-slate-300">
            <span className="font-medium">For the customer: </span>
            {r.customerEffect}
          </p>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            From {r.giver.name} · {formatDay(r.createdAt.slice(0, 10))}
            {!compact && r.observation && ` · logged on ${formatDay(r.observation.day)} in ${r.observation.teamName}`}
          </p>
          {!compact && r.canRemove && (
            <div className="mt-1">
              <RemoveRecognitionButton id={r.id} own={r.giver.membershipId === viewerMembershipId} />
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}
