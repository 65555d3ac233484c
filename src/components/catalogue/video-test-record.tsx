import { formatAt } from "@/lib/domain/date-instants";
import { CRITERIA, type VideoTestDto } from "@/lib/schemas/behaviour";
import { Badge } from "@/components/ui/badge";

/** Human video tests by version; reviewers of one version are shown side by side. */
/** `zone`: the reader's display zone (a server component: it is given, not read from context). */
export function VideoTestRecord({ tests, zone }: { tests: VideoTestDto[]; zone: string }) {
  if (tests.length === 0) return <p className="text-sm text-slate-600 dark:text-slate-400">No human video test yet.</p>;
  const versions = [...new Set(tests.map((t) => t.version))];
  return (
    <div className="space-y-4">
      {versions.map((version) => {
        const group = tests.filter((t) => t.version === version);
        const disagree = new Set(group.map((t) => t.verdict)).size > 1;
        return (
          <section key={version} aria-label={`Reviews of version ${version}`}>
            <h3 className="mb-2 text-sm font-semibold">
              Version {version}
              {disagree && <span className="ml-2 text-amber-700 dark:text-amber-400">Reviewers disagree</span>}
            </h3>
            <ul className="grid gap-3 sm:grid-cols-2">
              {group.map((t) => (
                <li key={t.id} className="rounded-lg border border-slate-200 p-3 text-sm dark:border-slate-800">
                  <div className="flex items-center justify-between gap-2">
                    <span className="font-medium">{t.reviewerName}</span>
                    <Badge tone={t.verdict === "PASS" ? "green" : "red"}>
                      {t.verdict === "PASS" ? "Pass" : "Fail"}
                    </Badge>
                  </div>
                  <ul className="mt-2 space-y-0.5">
                    {CRITERIA.map((c) => (
                      <li key={c.key}>
                        {t.answers[c.key] ? "✓" : "✗"}{" "}
                        <span className="sr-only">{t.answers[c.key] ? "yes" : "no"}: </span>
                        {c.question}
                      </li>
                    ))}
                  </ul>
                  {t.notes && <p className="mt-2 italic">“{t.notes}”</p>}
                  <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">{formatAt(t.createdAt, zone)}</p>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
