import { requireMemberPage } from "@/lib/server/context";
import { getIntervention } from "@/lib/server/data/interventions";
import { orNotFound } from "@/lib/server/pages";
import { APEASE_CRITERIA, apeaseTotal, FUNCTION_LABELS, type InterventionFunction } from "@/lib/domain/interventions";
import { bctById } from "@/lib/domain/bct";
import { formatDay } from "@/lib/domain/dates";
import { formatRate } from "@/lib/domain/adoption";
import type { InterventionDetailDto } from "@/lib/schemas/barriers";
import { TextLink } from "@/components/ui/text-link";
import { HiddenFigures } from "@/components/privacy/suppressed-notice";
import type { SuppressionReason } from "@/lib/domain/group-size";

export const metadata = { title: "Intervention" };

type Result = InterventionDetailDto["rolledOut"]["result"];

function Cell({ a }: { a: NonNullable<Result>["before"] }) {
  return (
    <td className="p-2 text-right">
      <strong className="text-base">{formatRate(a.rate)}</strong>
      <span className="block text-xs text-slate-600 dark:text-slate-400">
        {a.performed} of {a.opportunities}
      </span>
    </td>
  );
}

function GroupRow({
  label,
  teamNames,
  result,
  suppressed,
}: {
  label: string;
  teamNames: string[];
  result: Result;
  suppressed: SuppressionReason | null;
}) {
  return (
    <tr className="align-top">
      <th scope="row" className="p-2 text-left">
        {label}
        <span className="block text-xs font-normal text-slate-600 dark:text-slate-400">
          {teamNames.length ? teamNames.join(", ") : "no other teams"}
        </span>
      </th>
      {result ? (
        <>
          <Cell a={result.before} />
          <Cell a={result.after} />
          <td className="p-2 text-right font-semibold">
            {result.changePts === null ? "–" : `${result.changePts > 0 ? "+" : ""}${result.changePts} points`}
          </td>
        </>
      ) : (
        <td colSpan={3} className="p-2 text-sm">
          {suppressed ? <HiddenFigures reason={suppressed} /> : "No figures yet."}
        </td>
      )}
    </tr>
  );
}

export default async function InterventionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireMemberPage();
  const i = await orNotFound(getIntervention(ctx, id));
  const did = i.differenceInDifferences;
  return (
    <article className="max-w-4xl space-y-5">
      <TextLink href={`/barriers/${i.barrier.id}`} className="text-sm">
        ← {i.barrier.title}
      </TextLink>
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{i.title}</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          {FUNCTION_LABELS[i.function as InterventionFunction]} · owner {i.ownerName} · starts {formatDay(i.startDate)}{" "}
          · behaviours: {i.behaviourTitles.join(", ")}
        </p>
        {i.description && <p className="mt-2 whitespace-pre-line">{i.description}</p>}
      </header>

      <section aria-labelledby="techniques-heading" className="space-y-2">
        <h2 id="techniques-heading" className="text-lg font-semibold">
          Behaviour change techniques
        </h2>
        {i.techniques.length > 0 ? (
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {i.techniques.map((id) => (
              <li key={id}>
                <TextLink href={`/interventions?technique=${encodeURIComponent(id)}`}>
                  <span className="tabular-nums">{id}</span> {bctById(id)?.label ?? id}
                </TextLink>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            None recorded (BCTTv1). Techniques are chosen when the intervention is planned.
          </p>
        )}
      </section>

      <section aria-labelledby="ba-heading" className="space-y-3">
        <h2 id="ba-heading" className="text-lg font-semibold">
          Adoption before and after
        </h2>
        {i.windows ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {i.windows.days} days since the start against the {i.windows.days} days before it, from the daily adoption
            summary.
          </p>
        ) : (
          <p className="text-sm">The intervention has not started yet: figures appear from {formatDay(i.startDate)}.</p>
        )}
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-sm tabular-nums" data-testid="before-after">
            <caption className="sr-only">
              Adoption before and after the start, rolled-out teams against the teams that have not had it yet
            </caption>
            <thead className="text-slate-600 dark:text-slate-400">
              <tr>
                <th scope="col" className="p-2 text-left font-medium">
                  Teams
                </th>
                <th scope="col" className="p-2 text-right font-medium">
                  Before
                  {i.windows && (
                    <span className="block text-xs font-normal">
                      {formatDay(i.windows.before.from)} – {formatDay(i.windows.before.to)}
                    </span>
                  )}
                </th>
                <th scope="col" className="p-2 text-right font-medium">
                  After
                  {i.windows && (
                    <span className="block text-xs font-normal">
                      {formatDay(i.windows.after.from)} – {formatDay(i.windows.after.to)}
                    </span>
                  )}
                </th>
                <th scope="col" className="p-2 text-right font-medium">
                  Change
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              <GroupRow label="Rolled out" {...i.rolledOut} />
              <GroupRow label="Not yet (comparison)" {...i.comparison} />
            </tbody>
          </table>
        </div>
        {i.windows && (
          <p className="text-sm" data-testid="did">
            Difference in differences:{" "}
            <strong>
              {did !== null
                ? `${did > 0 ? "+" : ""}${did} points`
                : i.rolledOut.suppressed || i.comparison.suppressed
                  ? "not shown, one side's figures are hidden"
                  : "not enough data on one side yet"}
            </strong>{" "}
            — the rolled-out teams’ change minus the comparison teams’ change. It is a comparison, not proof: the teams
            were not chosen at random.
          </p>
        )}
      </section>

      <section aria-labelledby="apease-heading" className="space-y-2">
        <h2 id="apease-heading" className="text-lg font-semibold">
          APEASE appraisal: {apeaseTotal(i.apease)} of 30
        </h2>
        <table className="w-full text-left text-sm">
          <thead className="text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="py-1 font-medium">
                Criterion
              </th>
              <th scope="col" className="py-1 font-medium">
                Score
              </th>
              <th scope="col" className="py-1 font-medium">
                Note
              </th>
            </tr>
          </thead>
          <tbody>
            {APEASE_CRITERIA.map((c) => (
              <tr key={c.key} className="border-t border-slate-200 dark:border-slate-800">
                <th scope="row" className="py-1 font-normal">
                  {c.label}
                </th>
                <td className="py-1 tabular-nums">{i.apease[c.key].score} / 5</td>
                <td className="py-1">{i.apease[c.key].note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </article>
  );
}
