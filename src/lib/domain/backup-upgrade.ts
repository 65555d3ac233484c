// Older backup files, read as today's format. Version 1 (before issue 16) had the standup's
// free-text CustomerStory table and none of the embedding tables: its stories become feedback
// items marked as stories, as the database migration turned them (embedding migration), and the
// new tables are empty. Pure: applied to the parsed JSON before the schema checks it.
import { BACKUP_FORMAT, BACKUP_VERSION, TABLE_NAMES } from "./backup";

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === "object" && !Array.isArray(v);

/** The versions this build reads: a file of another version is refused with its number. */
export const READABLE_VERSIONS = [1, BACKUP_VERSION] as const;

export function upgradeBackup(raw: unknown): unknown {
  if (!isObject(raw) || raw.format !== BACKUP_FORMAT || raw.version !== 1 || !isObject(raw.tables)) return raw;
  const { CustomerStory: stories, ...tables } = raw.tables;
  const upgraded: Json = { ...tables };
  for (const t of TABLE_NAMES) if (!(t in upgraded)) upgraded[t] = [];
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
  return { ...raw, version: BACKUP_VERSION, tables: upgraded };
}
