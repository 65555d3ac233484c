import type { StoryDto } from "@/lib/schemas/feedback";
import { SENTIMENT_LABELS, SOURCE_LABELS } from "@/lib/domain/feedback";
import { formatDay } from "@/lib/domain/dates";

/**
 * A choice of one customer story (radio buttons named `name`, value the feedback item's id), for a
 * form that stores the choice: the standup's "pick a recent story", a ritual agenda's story slot.
 * Works without script; the surrounding form decides what picking means.
 */
export function StoryPicker({
  stories,
  name = "storyId",
  legend = "Pick a recent story",
  selected,
  error,
}: {
  stories: StoryDto[];
  name?: string;
  legend?: string;
  selected?: string;
  error?: string;
}) {
  return (
    <fieldset
      className="space-y-1"
      aria-describedby={error ? `${name}-error` : undefined}
      aria-invalid={error ? true : undefined}
    >
      <legend className="text-sm font-medium">{legend}</legend>
      <ul className="space-y-1">
        {stories.map((s) => (
          <li key={s.id}>
            <label className="flex min-h-10 items-start gap-2 rounded-md p-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800">
              <input
                type="radio"
                name={name}
                value={s.id}
                defaultChecked={selected === s.id}
                className="mt-1 size-4 shrink-0"
              />
              <span>
                <span className="line-clamp-3 whitespace-pre-line">“{s.quote}”</span>
                <span className="block text-xs text-slate-600 dark:text-slate-400">
                  {[s.customer, SOURCE_LABELS[s.source], SENTIMENT_LABELS[s.sentiment], formatDay(s.receivedOn)]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
              </span>
            </label>
          </li>
        ))}
      </ul>
      {error && (
        <p id={`${name}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
