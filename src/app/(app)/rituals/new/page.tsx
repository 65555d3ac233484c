import { requireMemberPage } from "@/lib/server/context";
import { ritualFormOptions } from "@/lib/server/data/rituals";
import { currentDay } from "@/lib/domain/dates";
import { PageHeader } from "@/components/ui/page-header";
import { TextLink } from "@/components/ui/text-link";
import { RitualForm } from "@/components/rituals/ritual-form";

export const metadata = { title: "Schedule a ritual" };

export default async function NewRitualPage({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const ctx = await requireMemberPage("rituals.manage");
  const [options, { kind }] = await Promise.all([ritualFormOptions(ctx), searchParams]);
  return (
    <>
      <TextLink href="/rituals" className="text-sm">
        ← Rituals
      </TextLink>
      <PageHeader
        title="Schedule a ritual"
        description="Each kind of ritual starts its agenda from the method's questions; the facilitator can reorder and add items for each meeting."
      />
      <RitualForm mode="create" options={options} today={currentDay(ctx.timeZone)} initialKind={kind} />
    </>
  );
}
