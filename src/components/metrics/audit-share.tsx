import type { AuditPoint } from "@/lib/domain/outcomes";
import { formatShare } from "./metric-labels";

const monthFmt = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
const monthName = (month: string) => monthFmt.format(new Date(`${month}-01T00:00:00Z`));

/**
 * The share of customer-outcome metrics at the end of each month: a strip of stacked bars (customer green, internal
 * grey; no chart library) that is hidden from screen readers, and the same figures as a table that is not.
 */
export function AuditShare({ points }: { points: AuditPoint[] }) {
  const most = Math.max(1, ...points.map((p) => p.customer + p.internal));
  return (
    <figure className="space-y-3">
      <div aria-hidden className="flex h-32 items-end gap-1 border-b border-slate-300 dark:border-slate-700">
        {points.map((p) => (
          <div key={p.month} className="flex h-full flex-1 flex-col justify-end" title={`${monthName(p.month)}: ${p.customer} customer, ${p.internal} internal (${formatShare(p.customerShare)} customer)`}>
            <div className="bg-slate-400 dark:bg-slate-500" style={{ height: `${(p.internal / most) * 100}%` }} />
            <div className="bg-emerald-600" style={{ height: `${(p.customer / most) * 100}%` }} />
          </div>
        ))}
      </div>
      <figcaption className="flex flex-wrap gap-x-4 text-xs text-slate-600 dark:text-slate-400">
        <span>
          <span aria-hidden className="mr-1 inline-block size-3 bg-emerald-600 align-middle" />
          Customer outcome
        </span>
        <span>
          <span aria-hidden className="mr-1 inline-block size-3 bg-slate-400 align-middle dark:bg-slate-500" />
          Internal process
        </span>
        <span>Metrics tracked at the end of each month.</span>
      </figcaption>
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm tabular-nums" data-testid="audit-table">
          <thead className="text-slate-600 dark:text-slate-400">
            <tr>
              <th scope="col" className="p-1 font-medium">Month</th>
              <th scope="col" className="p-1 text-right font-medium">Customer</th>
              <th scope="col" className="p-1 text-right font-medium">Internal</th>
              <th scope="col" className="p-1 text-right font-medium">Customer share</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {[...points].reverse().map((p) => (
              <tr key={p.month}>
                <th scope="row" className="p-1 font-normal">{monthName(p.month)}</th>
                <td className="p-1 text-right">{p.customer}</td>
                <td className="p-1 text-right">{p.internal}</td>
                <td className="p-1 text-right">{formatShare(p.customerShare)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
