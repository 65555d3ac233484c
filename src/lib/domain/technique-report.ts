// Interventions by behaviour change technique (issue 18 §4): how many interventions used each
// technique, and what happened to adoption in their teams before and after they started. Pure.
//
// Each intervention's effect is its own before/after comparison (domain/interventions.ts); a technique
// row pools them two ways: the median change of the interventions with enough observations on both
// sides, and the pooled rate (every performed and missed entry of those interventions, before and
// after, added up). Neither is proof that the technique worked: several techniques usually go
// together, and the teams were not chosen at random.
import { adoption, type Adoption } from "./adoption";
import { BCT_TECHNIQUES, bctById } from "./bct";
import type { BeforeAfter } from "./interventions";

export interface InterventionEffect {
  id: string;
  techniques: readonly string[];
  /** Null before the intervention starts, or when its figures are hidden. */
  result: BeforeAfter | null;
  /** Hidden under the minimum group size (docs/decisions/039): counted, never pooled. */
  suppressed?: unknown;
}

export interface TechniqueRow {
  id: string;
  label: string;
  group: number;
  /** Interventions that recorded the technique. */
  interventions: number;
  /** Of those, the ones with a change figure (enough opportunities before and after). */
  measured: number;
  /** Of those, the ones whose figures are hidden under the minimum group size: in neither figure below. */
  hidden: number;
  rose: number;
  fell: number;
  /** Median of the measured interventions' changes, in percentage points (one decimal), or null. */
  medianChangePts: number | null;
  /** Every started intervention's entries added up, before and after. */
  pooledBefore: Adoption;
  pooledAfter: Adoption;
}

export interface TechniqueReport {
  rows: TechniqueRow[];
  /** Interventions that recorded no technique: counted, so none is silently left out. */
  untagged: number;
  total: number;
}

/** The middle value (the mean of the two middle ones for an even count), or null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const TAXONOMY_ORDER = new Map(BCT_TECHNIQUES.map((t, i) => [t.id, i]));
const oneDecimal = (n: number) => Math.round(n * 10) / 10;

export function techniqueReport(effects: readonly InterventionEffect[]): TechniqueReport {
  const byTechnique = new Map<string, InterventionEffect[]>();
  let untagged = 0;
  for (const e of effects) {
    const known = [...new Set(e.techniques)].filter((t) => bctById(t));
    if (known.length === 0) untagged += 1;
    for (const t of known) byTechnique.set(t, [...(byTechnique.get(t) ?? []), e]);
  }
  const rows = [...byTechnique.entries()].map(([id, list]): TechniqueRow => {
    const bct = bctById(id)!;
    const changes = list.flatMap((e) => (e.result?.changePts == null ? [] : [e.result.changePts]));
    const started = list.flatMap((e) => (e.result ? [e.result] : []));
    const sum = (side: "before" | "after") =>
      started.reduce(
        (acc, r) => ({
          performed: acc.performed + r[side].performed,
          missed: acc.missed + r[side].opportunities - r[side].performed,
        }),
        { performed: 0, missed: 0 },
      );
    const m = median(changes);
    return {
      id,
      label: bct.label,
      group: bct.group,
      interventions: list.length,
      measured: changes.length,
      hidden: list.filter((e) => e.suppressed).length,
      rose: changes.filter((c) => c > 0).length,
      fell: changes.filter((c) => c < 0).length,
      medianChangePts: m === null ? null : oneDecimal(m),
      pooledBefore: adoption(sum("before")),
      pooledAfter: adoption(sum("after")),
    };
  });
  rows.sort((a, b) => b.interventions - a.interventions || TAXONOMY_ORDER.get(a.id)! - TAXONOMY_ORDER.get(b.id)!);
  return { rows, untagged, total: effects.length };
}
