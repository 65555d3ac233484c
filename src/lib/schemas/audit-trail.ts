import { z } from "./zod";
import { filterDay } from "./text";

// The audit trail as admins browse it: filters from the URL, and the rows that reach the page.

export const AUDIT_OUTCOMES = ["ok", "denied", "failed"] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_PAGE_SIZE = 50;

const maybe = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** Filters as URL parameters (?action=barrier&outcome=denied&actor=…&from=…&to=…). Bad values are dropped. */
export const AuditFilter = z.object({
  // A prefix of the action name ("barrier" matches "barrier.create"). Names are dotted words; no
  // "_" or "%", so the prefix can never act as a LIKE wildcard.
  action: maybe(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9.-]{1,60}$/),
  ),
  outcome: maybe(z.enum(AUDIT_OUTCOMES)),
  actor: maybe(z.string().regex(/^[a-z0-9]{1,40}$/)),
  from: filterDay,
  to: filterDay,
});
export type AuditFilter = z.infer<typeof AuditFilter>;

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

const first = (sp: SearchParams, key: string): string | undefined => {
  const v = sp instanceof URLSearchParams ? sp.get(key) : sp[key];
  return (Array.isArray(v) ? v[0] : v) ?? undefined;
};

/** The filter and the page cursor of a request, leniently: anything unreadable is ignored. */
export function parseAuditParams(sp: SearchParams): { filter: AuditFilter; cursor: string | undefined } {
  const filter = AuditFilter.parse({
    action: first(sp, "action"),
    outcome: first(sp, "outcome"),
    actor: first(sp, "actor"),
    from: first(sp, "from"),
    to: first(sp, "to"),
  });
  const cursor = first(sp, "cursor");
  return { filter, cursor: cursor && decodeAuditCursor(cursor) ? cursor : undefined };
}

/** The filters (and extra parameters such as the cursor) as a query string without empty ones. */
export function auditQuery(filter: AuditFilter, extra: Record<string, string | null | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v) params.set(k, v);
  return params.toString();
}

// Keyset cursor: the (at, id) of the last row shown, so the next page starts strictly after it
// even when rows are appended meanwhile (offsets would shift and repeat rows).
export function encodeAuditCursor(row: { at: string; id: string }): string {
  return `${row.at}_${row.id}`;
}

export function decodeAuditCursor(cursor: string): { at: Date; id: string } | null {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([a-z0-9]{1,40})$/.exec(cursor);
  if (!m) return null;
  const at = new Date(m[1]!);
  return Number.isNaN(at.getTime()) ? null : { at, id: m[2]! };
}

// ---------------------------------------------------------------- DTOs

export interface AuditEventDto {
  id: string;
  /** ISO 8601, UTC. */
  at: string;
  /** "—" when there is no actor or the actor is not a member of this organisation. */
  actorName: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  /** The target's kind in words ("Customer story"), null when the event has no target. */
  targetLabel: string | null;
  /** Its name, looked up in this organisation only; "(deleted)" when it is gone or not this organisation's. */
  targetName: string | null;
  outcome: string;
  ip: string | null;
  /** The details as JSON, at most 300 characters ("" when none). */
  details: string;
}

export interface AuditPageDto {
  rows: AuditEventDto[];
  nextCursor: string | null;
}

export interface AuditActorOptionDto {
  userId: string;
  name: string;
}
