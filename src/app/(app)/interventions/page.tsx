import { requireMemberPage } from "@/lib/server/context";
import { interventionReport } from "@/lib/server/data/intervention-report";
import { bctById, isBctId } from "@/lib/domain/bct";
import { FUNCTION_LABELS, type InterventionFunction } from "@/lib/domain/interventions";
import { formatDay } from "@/lib/domain/dates";
import { counted } from "@/lib/domain/text";
import { EmptyState, PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { TechniqueTable } from "@/components/interventions/technique-table";
import { ChangeCell } from "@/components/interventions/change-cell";

export const metadata = { title: "Interventions" };

export default async function InterventionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage();
  const sp = await searchParams;
  const technique = typeof sp.technique === "string" && isBctId(sp.technique) ? sp.technique : null;
  const { report, interventions } = await interventionReport(ctx);
  const shown = technique ? interventions.filter((i) => i.techniques.includes(technique)) : interventions;
  return (
    <>
      <PageHeader
        title="Interventions"
        description="What was tried against each barrier, the behaviour change techniques it used, and how adoption moved in its teams from before its start to since."
      />
      {interventions.length === 0 ? (
        <EmptyState>
          No interventions yet. An intervention starts from a barrier: open one on{" "}
          <TextLink href="/barriers">Barriers</TextLink> and choose &ldquo;Plan an intervention&rdquo;.
        </EmptyState>
      ) : (
        <div className="space-y-8">
          <section aria-labelledby="by-technique" className="space-y-2">
            <h2 id="by-technique" className="text-lg font-semibold">
              By technique
            </h2>
            <TechniqueTable report={report} selected={technique} />
          </section>
          <section aria-labelledby="all-interventions" className="space-y-2">
            <h2 id="all-interventions" className="text-lg font-semibold">
              {technique ? `Interventions using ${technique} ${bctById(technique)!.label}` : "Every intervention"}
            </h2>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {counted(shown.length, "intervention", "interventions")}
              {technique ? (
                <>
                  {" "}
                  of {interventions.length}. <TextLink href="/interventions">Show every intervention</TextLink>
                </>
              ) : null}
            </p>
            <div className="overflow-x-auto">
              <table className="w-full text-sm">
                <thead>
                  <tr className="border-b border-slate-200 text-left dark:border-slate-700">
                    <th scope="col" className="p-2">
                      Intervention
                    </th>
                    <th scope="col" className="p-2">
                      Techniques
                    </th>
                    <th scope="col" className="p-2">
                      Starts
                    </th>
                    <th scope="col" className="p-2 text-right">
                      Adoption before → since
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((i) => (
                    <tr key={i.id} className="border-b border-slate-100 align-top dark:border-slate-800">
                      <td className="p-2">
                        <TextLink href={`/interventions/${i.id}`}>{i.title}</TextLink>
                        <span className="block text-xs text-slate-600 dark:text-slate-400">
                          {FUNCTION_LABELS[i.function as InterventionFunction]} · against{" "}
                          <TextLink href={`/barriers/${i.barrier.id}`}>{i.barrier.title}</TextLink>
                          {i.teamNames.length > 0 ? ` · ${i.teamNames.join(", ")}` : " · no teams yet"}
                        </span>
                      </td>
                      <td className="p-2">
                        {i.techniques.length === 0
                          ? "none recorded"
                          : i.techniques.map((t) => `${t} ${bctById(t)?.label ?? ""}`.trim()).join("; ")}
                      </td>
                      <td className="p-2 whitespace-nowrap">{formatDay(i.startDate)}</td>
                      <ChangeCell result={i.result} suppressed={i.suppressed} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </div>
      )}
    </>
  );
}
