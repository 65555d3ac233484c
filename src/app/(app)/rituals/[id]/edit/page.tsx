import { requireMemberPage } from "@/lib/server/context";
import { getRitual, ritualFormOptions } from "@/lib/server/data/rituals";
import { orNotFound } from "@/lib/server/pages";
import { currentDay } from "@/lib/domain/dates";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { RitualForm } from "@/components/rituals/ritual-form";

export const metadata = { title: "Change a ritual" };

export default async function EditRitualPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const ctx = await requireMemberPage("rituals.manage");
  const [r, options] = await Promise.all([orNotFound(getRitual(ctx, id)), ritualFormOptions(ctx)]);
  return (
    <>
      <TextLink href={`/rituals/${id}`} className="text-sm">
        ← {r.title}
      </TextLink>
      <PageHeader title={`Change “${r.title}”`} description="Meetings already held keep their agenda and notes." />
      <RitualForm
        mode="edit"
        id={id}
        version={r.version}
        initial={r.values}
        options={options}
        today={currentDay(ctx.timeZone)}
      />
    </>
  );
}
