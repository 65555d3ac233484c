// Older backup files, read as today's format, one version step at a time. Pure: applied to the
// parsed JSON before the schema checks it.
// - Version 1 (before issue 16) had the standup's free-text CustomerStory table and none of the
//   embedding tables: its stories become feedback items marked as stories, as the database
//   migration turned them (embedding migration).
// - Version 2 (before issue 17) had no notification settings, webhooks or cues, and no
//   Observation.dayOnly: an observation at exactly 12:00 UTC was one logged for a day (the Log pad's
//   date and CSV imports stored days at midday UTC), as the database migration marked them.
// Tables a version did not have are empty.
import { BACKUP_FORMAT, BACKUP_VERSION, TABLE_NAMES } from "./backup";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === "object" && !Array.isArray(v);

/** The versions this build reads: a file of another version is refused with its number. */
export const READABLE_VERSIONS = [1, 2, BACKUP_VERSION] as const;

function fromVersion1(tables: Json): Json {
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
  return upgraded;
}

const MIDDAY_UTC = /T12:00:00(\.000)?Z$/;

function fromVersion2(tables: Json): Json {
  const observations = tables.Observation;
  if (!Array.isArray(observations)) return tables;
  return {
    ...tables,
    Observation: observations.map((o: unknown) =>
      isObject(o) && !("dayOnly" in o)
        ? { ...o, dayOnly: typeof o.occurredAt === "string" && MIDDAY_UTC.test(o.occurredAt) }
        : o,
    ),
  };
}

const STEPS: Record<number, (tables: Json) => Json> = { 1: fromVersion1, 2: fromVersion2 };

export function upgradeBackup(raw: unknown): unknown {
  if (!isObject(raw) || raw.format !== BACKUP_FORMAT || !isObject(raw.tables)) return raw;
  let version = raw.version;
  if (typeof version !== "number" || !(version in STEPS)) return raw;
  let tables: Json = raw.tables;
  while (typeof version === "number" && version in STEPS) {
    tables = STEPS[version]!(tables);
    version += 1;
  }
  for (const t of TABLE_NAMES) if (!(t in tables)) tables[t] = [];
  return { ...raw, version: BACKUP_VERSION, tables };
}
