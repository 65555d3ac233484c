import { requireMemberPage } from "@/lib/server/context";
import { listRecognitions, recognitionOptions } from "@/lib/server/data/recognition";
import { RecognitionFilterInput } from "@/lib/schemas/recognition";
import { optionalId } from "@/lib/schemas/text";
import { can } from "@/lib/domain/roles";
import { PageHeader, EmptyState } from "@/components/ui/page-header";
import { Panel } from "@/components/ui/panel";
import { TextLink } from "@/components/ui/text-link";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { RecognitionForm } from "@/components/recognition/recognition-form";
import { RecognitionList } from "@/components/recognition/recognition-list";

export const metadata = { title: "Recognition" };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

function FilterSelect({
  name,
  label,
  options,
  value,
}: {
  name: string;
  label: string;
  options: { id: string; name: string }[];
  value?: string;
}) {
  return (
    <div className="space-y-1">
      <label htmlFor={`filter-${name}`} className="block text-xs font-medium text-slate-600 dark:text-slate-400">
        {label}
      </label>
      <select id={`filter-${name}`} name={name} defaultValue={value ?? ""} className={`${inputClass} sm:w-auto`}>
        <option value="">All</option>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The recognition feed: the organisation's thanks for specific acts of its behaviours, and the form to give one. */
export default async function RecognitionPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const ctx = await requireMemberPage();
  const sp = await searchParams;
  const f = RecognitionFilterInput.parse({
    team: first(sp.team),
    behaviour: first(sp.behaviour),
    received: first(sp.received),
    given: first(sp.given),
    before: first(sp.before),
  });
  const filter = { teamId: f.team, behaviourId: f.behaviour, receivedBy: f.received, givenBy: f.given };
  const filtered = Object.values(filter).some(Boolean);
  const [page, options] = await Promise.all([listRecognitions(ctx, filter, f.before), recognitionOptions(ctx)]);
  // "Recognise someone for this" links (a behaviour's page, an observation just logged) pre-fill the form.
  const observation = options.observations.find((o) => o.id === optionalId.parse(first(sp.observation)));
  const initial = {
    behaviourId: observation?.behaviourId ?? optionalId.parse(first(sp.for)) ?? "",
    observationId: observation?.id ?? "",
  };
  const everyone = [...options.people, { id: ctx.membershipId, name: `${ctx.userName} (you)` }].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  const query = (extra: Record<string, string | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...f, ...extra })) if (v) q.set(k, v);
    return `/recognition?${q.toString()}`;
  };
  return (
    <>
      <PageHeader
        title="Recognition"
        description="Thanks for specific acts of our behaviours: what someone did, and what changed for a customer. Everyone in the organisation reads them."
      >
        {can(ctx.role, "dashboards.view", ctx.policy) && (
          <TextLink href="/recognition/analytics" className="text-sm">
            Recognition analytics
          </TextLink>
        )}
      </PageHeader>
      <div className="grid gap-6 lg:grid-cols-[1fr_24rem]">
        <div className="order-2 space-y-4 lg:order-1">
          <form
            method="get"
            action="/recognition"
            className="flex flex-wrap items-end gap-3"
            aria-label="Filter recognitions"
          >
            <FilterSelect name="team" label="Received in team" options={options.teams} value={f.team} />
            <FilterSelect name="behaviour" label="Behaviour" options={options.behaviours} value={f.behaviour} />
            <FilterSelect name="received" label="Received by" options={everyone} value={f.received} />
            <FilterSelect name="given" label="Given by" options={everyone} value={f.given} />
            <Button type="submit" variant="secondary">
              Filter
            </Button>
            {filtered && (
              <TextLink href="/recognition" className="text-sm">
                Clear filters
              </TextLink>
            )}
          </form>
          {page.rows.length === 0 ? (
            <EmptyState>
              {filtered || f.before ? (
                <>
                  No recognition matches these filters. <TextLink href="/recognition">See every recognition</TextLink>
                </>
              ) : (
                <>
                  No recognition yet. When you see a colleague or a team do one of our behaviours, say what they did and
                  what changed for the customer: <TextLink href="#recognise">recognise someone</TextLink>.
                </>
              )}
            </EmptyState>
          ) : (
            <RecognitionList rows={page.rows} viewerMembershipId={ctx.membershipId} testId="recognition-feed" />
          )}
          <nav aria-label="Older recognitions" className="flex gap-4 text-sm">
            {f.before && <TextLink href={query({ before: undefined })}>Newest</TextLink>}
            {page.nextCursor && <TextLink href={query({ before: page.nextCursor })}>Older recognitions</TextLink>}
          </nav>
        </div>
        <div className="order-1 lg:order-2" id="recognise">
          <Panel title="Recognise someone">
            {options.behaviours.length === 0 ? (
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Recognition thanks someone for an act of an active behaviour, and none is active yet. A behaviour
                becomes active once a colleague has video-tested it in the{" "}
                <TextLink href="/catalogue">catalogue</TextLink>.
              </p>
            ) : (
              <RecognitionForm options={options} initial={initial} />
            )}
          </Panel>
        </div>
      </div>
    </>
  );
}
