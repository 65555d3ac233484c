// The normal form of an organisation backup: every id replaced by a label that depends on content
// only, so two exports of the same data whose ids differ compare equal (the round-trip test of
// docs/decisions/008). Pure.
import { TABLE_NAMES, columnsOf, hasId, type BackupRow, type OrganisationBackup, type TableName } from "./backup";
import { idIndex, mapStrings, parentLayers } from "./backup-references";

/** JSON with object keys sorted, so equal values always give equal text. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Placeholder for a responder key: a keyed hash of ids, so it changes whenever the ids do. */
export const KEY_LABEL = "<responder key>";

function labelRow(table: TableName, row: BackupRow, swap: (id: string) => string, withId: boolean): BackupRow {
  const out: BackupRow = {};
  for (const [name, col] of columnsOf(table)) {
    const v = row[name] ?? null;
    if (col.kind === "id") {
      if (withId) out[name] = swap(v as string);
    } else if ((col.kind === "ref" || col.kind === "mention") && typeof v === "string") out[name] = swap(v);
    else if (col.kind === "key") out[name] = v === null ? null : KEY_LABEL;
    else if (col.kind === "json") out[name] = mapStrings(v, swap);
    else out[name] = v;
  }
  return out;
}

const byKey = <T>(a: readonly [string, T], b: readonly [string, T]) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/**
 * The document with every id replaced by a label that depends on content only: users are
 * numbered by e-mail, then each table's rows (parents first) by their content with references
 * already labelled. Two exports of the same data with different ids give the same normal form;
 * rows come out sorted. `labels` maps each original id to its label.
 * Rows that are equal in everything but their id are interchangeable, so their labels may swap.
 */
export function normaliseBackup(doc: OrganisationBackup): { doc: OrganisationBackup; labels: Map<string, string> } {
  const labels = new Map<string, string>();
  const known = new Set(idIndex(doc).keys());
  // An id of the file without a label yet (a reference forward, inside JSON) must not decide the order.
  const swap = (v: string) => labels.get(v) ?? (known.has(v) ? "?" : v);
  [...doc.users]
    .sort((a, b) => a.email.toLowerCase().localeCompare(b.email.toLowerCase()))
    .forEach((u, i) => labels.set(u.ref, `User#${i + 1}`));
  for (const t of TABLE_NAMES) {
    if (!hasId(t)) continue;
    let n = 0;
    for (const layer of parentLayers(t, doc.tables[t]) ?? [doc.tables[t]]) {
      const keyed = layer.map((r) => [stableStringify(labelRow(t, r, swap, false)), r] as const).sort(byKey);
      for (const [, r] of keyed) labels.set(r.id as string, `${t}#${++n}`);
    }
  }
  const tables = Object.fromEntries(
    TABLE_NAMES.map((t) => [
      t,
      doc.tables[t]
        .map((r) => labelRow(t, r, swap, true))
        .map((r) => [stableStringify(r), r] as const)
        .sort(byKey)
        .map(([, r]) => r),
    ]),
  ) as Record<TableName, BackupRow[]>;
  const users = doc.users
    .map((u) => ({ ...u, ref: labels.get(u.ref)! }))
    .sort((a, b) => a.ref.localeCompare(b.ref, "en", { numeric: true }));
  return { doc: { ...doc, users, tables }, labels };
}
