"use client";
import dynamic from "next/dynamic";
import type { ParetoPoint } from "@/lib/domain/barriers";

// The chart library loads only on pages that draw a chart, and after the table is on screen.
const Chart = dynamic(() => import("./pareto-chart"), { ssr: false, loading: () => <div className="h-64" /> });

/** The Pareto chart and, for screen readers and exact figures, the same data as a table. */
export function Pareto({ points }: { points: ParetoPoint[] }) {
  return (
    <figure className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <figcaption className="mb-2 text-sm font-semibold">Pareto: barriers by priority, with the cumulative share (dashed line at 80%)</figcaption>
      <Chart points={points} />
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer">Chart as a table</summary>
        <table className="mt-2 w-full text-left tabular-nums" data-testid="pareto-table">
          <thead>
            <tr>
              <th scope="col" className="py-1 font-medium">Rank</th>
              <th scope="col" className="py-1 font-medium">Barrier</th>
              <th scope="col" className="py-1 font-medium">Priority</th>
              <th scope="col" className="py-1 font-medium">Cumulative share</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={p.id}>
                <td className="py-0.5">{i + 1}</td>
                <td className="py-0.5">{p.label}</td>
                <td className="py-0.5">{p.score}</td>
                <td className="py-0.5">{p.cumulativePct}%</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
