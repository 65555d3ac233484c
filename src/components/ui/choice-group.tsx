// Radio and checkbox groups with a legend and an error tied to them; work without script.

interface GroupProps {
  name: string;
  legend: string;
  options: { id: string; name: string; hint?: string }[];
  error?: string;
  hint?: React.ReactNode;
  columns?: boolean;
}

function Shell({
  name,
  legend,
  error,
  hint,
  children,
}: Omit<GroupProps, "options" | "columns"> & { children: React.ReactNode }) {
  const describedBy =
    [hint ? `${name}-hint` : null, error ? `${name}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="space-y-1" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {hint && (
        <div id={`${name}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {hint}
        </div>
      )}
      {children}
      {error && (
        <p id={`${name}-error`} className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Several choices (sent as repeated `name` values). */
export function CheckboxGroup({
  name,
  legend,
  options,
  error,
  hint,
  columns = true,
  selected,
}: GroupProps & { selected: string[] }) {
  return (
    <Shell name={name} legend={legend} error={error} hint={hint}>
      <div className={columns ? "grid gap-1 sm:grid-cols-2" : "space-y-1"}>
        {options.map((o) => (
          <label
            key={o.id}
            className="flex min-h-10 items-center gap-2 rounded-md px-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800"
          >
            <input
              type="checkbox"
              name={name}
              value={o.id}
              defaultChecked={selected.includes(o.id)}
              className="size-4 shrink-0"
            />
            <span>
              {o.name}
              {o.hint && <span className="block text-xs text-slate-500 dark:text-slate-400">{o.hint}</span>}
            </span>
          </label>
        ))}
      </div>
    </Shell>
  );
}

/** One choice out of a few, side by side. */
export function RadioGroup({
  name,
  legend,
  options,
  error,
  hint,
  selected,
  columns = false,
}: GroupProps & { selected: string }) {
  return (
    <Shell name={name} legend={legend} error={error} hint={hint}>
      <div className={columns ? "grid gap-1 sm:grid-cols-2" : "flex flex-wrap gap-x-4"}>
        {options.map((o) => (
          <label key={o.id} className="flex min-h-10 items-center gap-2 text-sm">
            <input
              type="radio"
              name={name}
              value={o.id}
              defaultChecked={selected === o.id}
              className="size-4 shrink-0"
            />
            <span>
              {o.name}
              {o.hint && <span className="block text-xs text-slate-500 dark:text-slate-400">{o.hint}</span>}
            </span>
          </label>
        ))}
      </div>
    </Shell>
  );
}

export const SCORE_OPTIONS = [1, 2, 3, 4, 5].map((n) => ({ id: String(n), name: String(n) }));
