// The references inside an organisation backup (docs/decisions/008): the index of its ids, id
// remapping for an import, the order self-referencing rows are written in, and the checks that every
// reference stays inside the file. Pure; the format itself is in backup.ts.
import {
  BACKUP_TABLES,
  TABLE_NAMES,
  columnsOf,
  hasId,
  type BackupRow,
  type Column,
  type JsonValue,
  type OrganisationBackup,
  type TableName,
} from "./backup";

// ---------------------------------------------------------------- ids

/** Every id and user ref of the file, with what it names. Later duplicates are not recorded. */
export function idIndex(doc: OrganisationBackup): Map<string, TableName | "User"> {
  const index = new Map<string, TableName | "User">();
  for (const u of doc.users) if (!index.has(u.ref)) index.set(u.ref, "User");
  for (const t of TABLE_NAMES)
    if (hasId(t)) for (const r of doc.tables[t]) if (typeof r.id === "string" && !index.has(r.id)) index.set(r.id, t);
  return index;
}

/** A JSON value with every string passed through `fn` (objects' keys too). */
export function mapStrings(value: JsonValue, fn: (s: string) => string): JsonValue {
  if (typeof value === "string") return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value && typeof value === "object") {
    const out: { [key: string]: JsonValue } = {};
    // defineProperty: a "__proto__" key stays a plain key instead of replacing the prototype.
    for (const [k, v] of Object.entries(value))
      Object.defineProperty(out, fn(k), {
        value: mapStrings(v, fn),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    return out;
  }
  return value;
}

/** A JSON value with every string that is a key of `map` replaced by its value. */
export const replaceKnownIds = (value: JsonValue, map: ReadonlyMap<string, string>): JsonValue =>
  mapStrings(value, (s) => map.get(s) ?? s);

/**
 * The row with its own id, its references, audit mentions and ids inside JSON replaced through
 * `map` (old id → new id). References must all be in the map (checkBackup makes sure of it).
 */
export function remapBackupRow(table: TableName, row: BackupRow, map: ReadonlyMap<string, string>): BackupRow {
  const out: BackupRow = {};
  for (const [name, col] of columnsOf(table)) {
    const v = row[name] ?? null;
    if (col.kind === "id" || (col.kind === "ref" && v !== null)) {
      const mapped = map.get(v as string);
      if (mapped === undefined) throw new Error(`${table}.${name}: ${String(v)} is not in the id map`);
      out[name] = mapped;
    } else if (col.kind === "mention" && typeof v === "string") out[name] = map.get(v) ?? v;
    else if (col.kind === "json") out[name] = replaceKnownIds(v, map);
    else out[name] = v;
  }
  return out;
}

/** Self-referencing columns (Team.parentId, Behaviour.parentId). */
const selfRefs = (table: TableName) =>
  columnsOf(table)
    .filter(([, c]) => c.kind === "ref" && c.to === table)
    .map(([n]) => n);

/**
 * Rows in layers, each row after the row it names through a self-reference (parents first), or
 * null when the self-references form a cycle. Rows naming a parent outside the file count as roots
 * (checkBackup reports those).
 */
export function parentLayers(table: TableName, rows: readonly BackupRow[]): BackupRow[][] | null {
  const refs = selfRefs(table);
  if (refs.length === 0) return [rows.slice()];
  const ids = new Set(rows.map((r) => r.id));
  const placed = new Set<unknown>();
  const layers: BackupRow[][] = [];
  let remaining = rows.slice();
  while (remaining.length) {
    const ready = remaining.filter((r) =>
      refs.every((c) => r[c] === null || r[c] === undefined || !ids.has(r[c] as string) || placed.has(r[c])),
    );
    if (ready.length === 0) return null;
    for (const r of ready) placed.add(r.id);
    layers.push(ready);
    const taken = new Set(ready);
    remaining = remaining.filter((r) => !taken.has(r));
  }
  return layers;
}

// ---------------------------------------------------------------- checks

const MAX_PROBLEMS = 10;

/**
 * What makes the file impossible to import as one organisation: duplicate ids, references to rows
 * that are not in the file (another organisation's ids among them), duplicate unique keys, cycles,
 * and survey answers that contradict their respondent. Empty when the file is consistent.
 */
export function checkBackup(doc: OrganisationBackup): string[] {
  const problems: string[] = [];
  const add = (p: string) => problems.length < MAX_PROBLEMS && problems.push(p);
  const seen = new Set<string>();
  const emails = new Set<string>();
  doc.users.forEach((u, i) => {
    if (seen.has(u.ref)) add(`User ${i + 1}: the ref ${u.ref} is used twice.`);
    seen.add(u.ref);
    const email = u.email.toLowerCase();
    if (emails.has(email)) add(`User ${i + 1}: the e-mail address ${email} is listed twice.`);
    emails.add(email);
  });
  for (const t of TABLE_NAMES) {
    if (!hasId(t)) continue;
    doc.tables[t].forEach((r, i) => {
      if (seen.has(r.id as string)) add(`${t} row ${i + 1}: the id ${String(r.id)} is used twice in the file.`);
      seen.add(r.id as string);
    });
  }
  const index = idIndex(doc);
  for (const t of TABLE_NAMES) {
    const rows = doc.tables[t];
    const refCols = columnsOf(t).filter((e): e is [string, Extract<Column, { kind: "ref" }>] => e[1].kind === "ref");
    rows.forEach((r, i) => {
      for (const [name, col] of refCols) {
        const v = r[name];
        if (v === null || v === undefined) continue;
        if (index.get(v as string) !== col.to)
          add(`${t} row ${i + 1}: ${name} ${String(v)} names no ${col.to === "User" ? "user" : col.to} in the file.`);
      }
    });
    for (const key of BACKUP_TABLES[t].unique) {
      const keys = new Set<string>();
      rows.forEach((r, i) => {
        const values = key.map((k) => r[k]);
        if (values.some((v) => v === null || v === undefined)) return;
        const k = JSON.stringify(values);
        if (keys.has(k)) add(`${t} row ${i + 1}: another row has the same ${key.join(" and ")}.`);
        keys.add(k);
      });
    }
    if (parentLayers(t, rows) === null) add(`${t}: the rows name each other as parents in a circle.`);
  }
  checkSnapshots(doc, index, add);
  checkAnswers(doc, add);
  return problems;
}

/** A saved behaviour version names its value and owner: restoring it must not reach outside the file. */
function checkSnapshots(doc: OrganisationBackup, index: Map<string, string>, add: (p: string) => void) {
  doc.tables.BehaviourVersion.forEach((r, i) => {
    const s = r.snapshot;
    if (!s || typeof s !== "object" || Array.isArray(s))
      return void add(`BehaviourVersion row ${i + 1}: snapshot is not an object.`);
    for (const [field, table] of [
      ["valueId", "Value"],
      ["ownerId", "Membership"],
    ] as const) {
      const v = s[field];
      if (v !== undefined && v !== null && (typeof v !== "string" || index.get(v) !== table))
        add(`BehaviourVersion row ${i + 1}: snapshot.${field} names no ${table} in the file.`);
    }
  });
}

/** An answer copies its respondent's survey and group, and its option belongs to its question. */
function checkAnswers(doc: OrganisationBackup, add: (p: string) => void) {
  const byId = <T extends TableName>(t: T) => new Map(doc.tables[t].map((r) => [r.id as string, r]));
  const respondents = byId("SurveyRespondent");
  const questions = byId("SurveyQuestion");
  const options = byId("SurveyOption");
  doc.tables.SurveyAnswer.forEach((a, i) => {
    const r = respondents.get(a.respondentId as string);
    const q = questions.get(a.questionId as string);
    const o = options.get(a.optionId as string);
    if (!r || !q || !o) return; // reported as a missing reference
    if (r.surveyId !== a.surveyId || q.surveyId !== a.surveyId)
      add(`SurveyAnswer row ${i + 1}: its respondent, question and survey do not belong together.`);
    else if (o.questionId !== a.questionId)
      add(`SurveyAnswer row ${i + 1}: its option is not a response to its question.`);
    else if (r.group !== a.group) add(`SurveyAnswer row ${i + 1}: its group differs from its respondent's.`);
  });
}
