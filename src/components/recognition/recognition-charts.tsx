"use client";
import { ChartFrame } from "@/components/charts/chart-frame";
import { tooFewPeopleReason } from "@/lib/domain/group-size";
import { StackedBars } from "@/components/charts/lazy-charts";
import { chartDayLabel, formatDayRange } from "@/lib/domain/dates";
import type { RecognitionAnalyticsDto } from "@/lib/schemas/recognition";

const COLOURS = ["#2563eb", "#059669", "#d97706", "#7c3aed", "#db2777", "#0891b2", "#94a3b8"];
const SHOWN = 6;

interface Series {
  key: string;
  label: string;
  weeks: number[];
}

function WeeklyBars({
  title,
  description,
  file,
  testId,
  weeks,
  series,
}: {
  title: string;
  description: string;
  file: string;
  testId: string;
  weeks: string[];
  series: Series[];
}) {
  const label = chartDayLabel(weeks);
  // The largest series by name, the rest together as "Other", so the colours stay tellable apart.
  const top = series.slice(0, SHOWN);
  const rest = series.slice(SHOWN);
  const shown: Series[] = rest.length
    ? [...top, { key: "other", label: "Other", weeks: weeks.map((_, i) => rest.reduce((n, s) => n + s.weeks[i]!, 0)) }]
    : top;
  return (
    <ChartFrame
      title={title}
      description={description}
      units="recognitions per week"
      range={formatDayRange(weeks)}
      file={file}
      testId={testId}
      table={{
        columns: ["week", ...series.map((s) => s.label)],
        rows: weeks.map((w, i) => [label(w), ...series.map((s) => s.weeks[i]!)]),
        csv: weeks.map((w, i) => [w, ...series.map((s) => s.weeks[i]!)]),
      }}
    >
      <StackedBars
        xKey="week"
        data={weeks.map((w, i) => ({
          week: label(w),
          ...Object.fromEntries(shown.map((s, j) => [`s${j}`, s.weeks[i]!])),
        }))}
        series={shown.map((s, j) => ({ key: `s${j}`, label: s.label, colour: COLOURS[j % COLOURS.length]! }))}
      />
    </ChartFrame>
  );
}

/** Recognitions per behaviour and per team, week by week; teams under 5 people are left out (no figures). */
export function RecognitionCharts({ data }: { data: RecognitionAnalyticsDto }) {
  const weeks = data.weeks.map((w) => w.weekStart);
  const teams = data.byTeam.flatMap((t) =>
    t.hidden ? [] : [{ key: t.teamId, label: t.name, weeks: t.weeks, total: t.received }],
  );
  return (
    <div className="grid gap-4 xl:grid-cols-2">
      <WeeklyBars
        title="Recognitions per behaviour"
        description="Which behaviours people thank each other for, week by week."
        file="recognitions-by-behaviour"
        testId="recognitions-by-behaviour"
        weeks={weeks}
        series={data.byBehaviour.map((b) => ({ key: b.behaviourId, label: b.title, weeks: b.weeks }))}
      />
      <WeeklyBars
        title="Recognitions received per team"
        description={`Received by the team or one of its people. ${tooFewPeopleReason(data.minGroupSize)}`}
        file="recognitions-by-team"
        testId="recognitions-by-team"
        weeks={weeks}
        series={teams.sort((a, b) => b.total - a.total)}
      />
    </div>
  );
}
