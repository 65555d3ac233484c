import Link from "next/link";
import { TextLink } from "@/components/ui/text-link";
import { onboarding } from "@/lib/server/data/onboarding";
import { OnboardingChecklist } from "@/components/onboarding/checklist";
import { requireMemberPage } from "@/lib/server/context";
import { catalogueFacets, listCatalogue } from "@/lib/server/data/catalogue";
import { CatalogueFilter } from "@/lib/schemas/catalogue";
import { CatalogueFilters } from "@/components/catalogue/catalogue-filters";
import { DeletedNotice } from "@/components/ui/deleted-notice";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { StatusBadge } from "@/components/catalogue/status-badge";
import { buttonClass } from "@/components/ui/button-class";
import { can } from "@/lib/domain/roles";
import { NewValueForm } from "@/components/catalogue/new-value-form";

export const metadata = { title: "Catalogue" };

export default async function CataloguePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage();
  const raw = await searchParams;
  const filter = CatalogueFilter.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const filtered = Object.values(filter).some(Boolean);
  const [values, facets, steps] = await Promise.all([
    listCatalogue(ctx, filter),
    catalogueFacets(ctx),
    onboarding(ctx),
  ]);
  const count = values.reduce((n, v) => n + v.behaviours.length, 0);
  return (
    <>
      <OnboardingChecklist steps={steps} />
      <PageHeader
        title="Behaviour catalogue"
        description={`${count} behaviour${count === 1 ? "" : "s"} ${filtered ? "match" : `across ${values.length} values`}. Each one is specific enough that an outsider watching a video could confirm it happened.`}
      >
        {can(ctx.role, "catalogue.edit", ctx.policy) && (
          <div className="flex flex-wrap gap-2">
            <Link href="/catalogue/transfer" className={buttonClass("secondary")}>
              Import / export
            </Link>
            <Link href="/catalogue/new" className={buttonClass("primary")}>
              New behaviour
            </Link>
          </div>
        )}
      </PageHeader>
      <DeletedNotice show={raw.deleted === "1"} />
      {can(ctx.role, "catalogue.edit", ctx.policy) && (
        <details
          id="add-value"
          className="mb-6 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
          open={values.length === 0}
        >
          <summary className="cursor-pointer text-sm font-medium">
            Add a value (a customer-centric theme behaviours belong to)
          </summary>
          <div className="mt-3">
            <NewValueForm />
          </div>
        </details>
      )}
      {facets.values.length > 0 && <CatalogueFilters filter={filter} facets={facets} />}
      {values.length === 0 ? (
        <EmptyState>
          {filtered ? (
            <>
              No behaviour matches these filters. <TextLink href="/catalogue">Clear the filters</TextLink>
            </>
          ) : can(ctx.role, "catalogue.edit", ctx.policy) ? (
            "No values or behaviours yet. Add a value above; then define its first behaviour."
          ) : (
            "No values or behaviours yet. Leaders define them; they will appear here."
          )}
        </EmptyState>
      ) : (
        <div className="space-y-8">
          {values.map((value) => (
            <section key={value.id} aria-labelledby={`value-${value.id}`}>
              <h2 id={`value-${value.id}`} className="text-lg font-semibold">
                {value.name}
              </h2>
              {value.description && (
                <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">{value.description}</p>
              )}
              {value.behaviours.length === 0 ? (
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  No behaviours defined for this value yet.
                  {can(ctx.role, "catalogue.edit", ctx.policy) && (
                    <>
                      {" "}
                      <TextLink href="/catalogue/new">Define one</TextLink>
                    </>
                  )}
                </p>
              ) : (
                <ul className="grid gap-3 md:grid-cols-2">
                  {value.behaviours.map((b) => (
                    <li key={b.id}>
                      <Link
                        href={`/catalogue/${b.id}`}
                        className="block h-full rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-300 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-brand-700"
                      >
                        <div className="mb-1 flex items-start justify-between gap-2">
                          <h3 className="font-medium">{b.title}</h3>
                          <StatusBadge status={b.status} />
                        </div>
                        <p className="text-sm text-slate-700 dark:text-slate-300">{b.sentence}</p>
                        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">Owner: {b.ownerName}</p>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          ))}
        </div>
      )}
    </>
  );
}
