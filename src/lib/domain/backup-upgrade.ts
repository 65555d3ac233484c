// Older backup files, read as today's format, one version step at a time. Pure: applied to the
// parsed JSON before the schema checks it.
// - Version 1 (before issue 16) had the standup's free-text CustomerStory table and none of the
//   embedding tables: its stories become feedback items marked as stories, as the database
//   migration turned them (embedding migration).
// - Version 2 (before issue 17) had no notification settings, webhooks or cues, and no
//   Observation.dayOnly: an observation at exactly 12:00 UTC was one logged for a day (the Log pad's
//   date and CSV imports stored days at midday UTC), as the database migration marked them.
// - Version 3 (before the organisation's settings were carried) has none: the import leaves the
//   target's as they are. Versions 1 and 2 come from before time zones: their days are UTC days.
//   Nor had its surveys a closing day (Survey.closesOn): each is open until closed by hand; nor its
//   interventions behaviour change techniques (Intervention.techniques): none recorded.
// Tables a version did not have are empty.
import { BACKUP_FORMAT, BACKUP_VERSION, TABLE_NAMES } from "./backup";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === "object" && !Array.isArray(v);

/** The versions this build reads: a file of another version is refused with its number. */
export const READABLE_VERSIONS = [1, 2, 3, BACKUP_VERSION] as const;

interface Parts {
  organisation: unknown;
  tables: Json;
}

function fromVersion1({ organisation, tables }: Parts): Parts {
  const { CustomerStory: stories, ...rest } = tables;
  const upgraded: Json = { ...rest };
  if (Array.isArray(stories))
    upgraded.CustomerFeedback = stories.map((s: unknown) => {
      if (!isObject(s)) return s; // the schema reports it, at its place
      return {
        id: s.id,
        quote: s.story,
        source: "OTHER",
        receivedOn: s.meetingDate,
        customer: "",
        sentiment: "MIXED",
        isStory: true,
        importKey: null,
        createdById: s.authorId,
        createdAt: s.createdAt,
        updatedAt: s.createdAt,
      };
    });
  return { organisation, tables: upgraded };
}

const MIDDAY_UTC = /T12:00:00(\.000)?Z$/;

function fromVersion2({ organisation, tables }: Parts): Parts {
  // Its days were UTC days, as every organisation's were before time zones.
  const org =
    isObject(organisation) && !("timeZone" in organisation) ? { ...organisation, timeZone: "UTC" } : organisation;
  const observations = tables.Observation;
  if (!Array.isArray(observations)) return { organisation: org, tables };
  return {
    organisation: org,
    tables: {
      ...tables,
      Observation: observations.map((o: unknown) =>
        isObject(o) && !("dayOnly" in o)
          ? { ...o, dayOnly: typeof o.occurredAt === "string" && MIDDAY_UTC.test(o.occurredAt) }
          : o,
      ),
    },
  };
}

/** Rows of `table` without `column` get `value` (a column a version did not have). */
function withDefault(tables: Json, table: string, column: string, value: unknown): Json {
  const rows = tables[table];
  if (!Array.isArray(rows)) return tables;
  return {
    ...tables,
    [table]: rows.map((r: unknown) => (isObject(r) && !(column in r) ? { ...r, [column]: value } : r)),
  };
}

/** Columns version 4 added, with the value an older row reads as. */
const VERSION_4_COLUMNS: readonly (readonly [table: string, column: string, value: unknown])[] = [
  ["Survey", "closesOn", null],
  ["Intervention", "techniques", []],
  ["Team", "observationTarget", null],
  ["Observation", "barrierId", null],
  ["Observation", "barrierNote", null],
];

function fromVersion3({ organisation, tables }: Parts): Parts {
  return {
    organisation,
    tables: VERSION_4_COLUMNS.reduce((t, [table, column, value]) => withDefault(t, table, column, value), tables),
  };
}

const STEPS: Record<number, (parts: Parts) => Parts> = { 1: fromVersion1, 2: fromVersion2, 3: fromVersion3 };

export function upgradeBackup(raw: unknown): unknown {
  if (!isObject(raw) || raw.format !== BACKUP_FORMAT || !isObject(raw.tables)) return raw;
  let version = raw.version;
  if (typeof version !== "number" || !(version in STEPS)) return raw;
  let parts: Parts = { organisation: raw.organisation, tables: raw.tables };
  while (typeof version === "number" && version in STEPS) {
    parts = STEPS[version]!(parts);
    version += 1;
  }
  const tables = parts.tables;
  for (const t of TABLE_NAMES) if (!(t in tables)) tables[t] = [];
  return { ...raw, version: BACKUP_VERSION, organisation: parts.organisation, tables };
}
