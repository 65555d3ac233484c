import Link from "next/link";
import type { FeedbackFilter, FeedbackOptionsDto } from "@/lib/schemas/feedback";
import { SENTIMENT_LABELS, SOURCE_LABELS } from "@/lib/domain/feedback";
import { optionsOf } from "@/lib/domain/labels";
import { buttonClass } from "@/components/ui/button-class";
import { Field } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";

/** Search and filters as a plain GET form: the URL is the state, shareable and bookmarkable. */
export function FeedbackFilters({ filter, options }: { filter: FeedbackFilter; options: FeedbackOptionsDto }) {
  return (
    <form method="get" action="/feedback" role="search" aria-label="Search feedback" className="mb-4 space-y-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Field name="q" label="Search the quotes and customers" type="search" defaultValue={filter.q ?? ""} />
        <SelectField
          name="sentiment"
          label="Sentiment"
          defaultValue={filter.sentiment ?? ""}
          options={optionsOf(SENTIMENT_LABELS)}
          placeholder="Any"
        />
        <SelectField
          name="source"
          label="Source"
          defaultValue={filter.source ?? ""}
          options={optionsOf(SOURCE_LABELS)}
          placeholder="Any"
        />
        <SelectField
          name="team"
          label="Team"
          defaultValue={filter.team ?? ""}
          options={options.teams}
          placeholder="Any"
        />
        <SelectField
          name="behaviour"
          label="Behaviour"
          defaultValue={filter.behaviour ?? ""}
          options={options.behaviours}
          placeholder="Any"
        />
        <SelectField
          name="barrier"
          label="Barrier"
          defaultValue={filter.barrier ?? ""}
          options={options.barriers}
          placeholder="Any"
        />
        <Field name="from" label="From" type="date" defaultValue={filter.from ?? ""} />
        <Field name="to" label="To" type="date" defaultValue={filter.to ?? ""} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex min-h-10 items-center gap-2 text-sm">
          <input type="checkbox" name="stories" value="1" defaultChecked={filter.stories === "1"} className="size-4" />
          Stories only
        </label>
        <button type="submit" className={buttonClass("secondary")}>
          Search
        </button>
        <Link href="/feedback" className={buttonClass("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
