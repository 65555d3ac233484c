import "server-only";
import { isForeignKeyViolation, isUniqueViolation } from "../db-errors";
import { createHmac, randomBytes } from "node:crypto";
import { authorize } from "../authorize";
import { newSecret } from "./webhooks";
import { authSecret } from "../auth-secret";
import { db } from "../db";
import { recordAudit } from "../audit";
import { RuleError } from "../errors";
import { hashPassword } from "../passwords";
import { Prisma } from "@/generated/prisma/client";
import { delegate, type Client } from "./backup-delegate";
import {
  TABLE_NAMES,
  backupCounts,
  columnsOf,
  hasId,
  type BackupRow,
  type OrganisationBackup,
  type TableName,
} from "@/lib/domain/backup";
import { checkBackup, parentLayers, remapBackupRow } from "@/lib/domain/backup-references";
import { dateOnly, dayOf } from "@/lib/domain/dates";
import { parseBackupDocument, type BackupImportResultDto, type BackupOverviewDto } from "@/lib/schemas/backup";
import type { MemberContext } from "./accounts";
import { inviteImported } from "./backup-people";
import { databaseKnowsZone } from "./organization-settings";

// Backup and restore of one organisation (docs/decisions/008): every row it owns, as one JSON
// document, and back into an empty organisation with fresh ids. Admins only.

const CHUNK = 1_000;
const LONG_TRANSACTION = { timeout: 600_000, maxWait: 60_000 };

/** A fresh id shaped like Prisma's cuids: "c", the time, and 16 random base-36 characters. */
function newId(): string {
  const random = Array.from(randomBytes(16), (b) => (b % 36).toString(36)).join("");
  return `c${Date.now().toString(36).padStart(8, "0")}${random}`;
}

// ---------------------------------------------------------------- what the organisation holds

const CONTENTS = [
  ["other member", "other members", "membership"],
  ["team", "teams", "team"],
  ["value", "values", "value"],
  ["behaviour", "behaviours", "behaviour"],
  ["observation", "observations", "observation"],
  ["barrier", "barriers", "barrier"],
  ["survey", "surveys", "survey"],
  ["metric", "metrics", "metric"],
  ["customer feedback item", "customer feedback items", "customerFeedback"],
  ["ritual", "rituals", "ritual"],
  ["action", "actions", "actionItem"],
  ["decision", "decisions", "decision"],
  ["recognition", "recognitions", "recognition"],
] as const;

/** Counts of everything that makes an organisation non-empty; the caller's own membership does not count. */
async function contents(client: Client, ctx: MemberContext): Promise<BackupOverviewDto["contents"]> {
  const counts: { label: string; count: number }[] = [];
  for (const [one, many, model] of CONTENTS) {
    const where =
      model === "membership"
        ? { organizationId: ctx.orgId, id: { not: ctx.membershipId } }
        : { organizationId: ctx.orgId };
    const count = await (client as unknown as Record<string, { count(a: { where: unknown }): Promise<number> }>)[
      model
    ]!.count({ where });
    if (count > 0) counts.push({ label: count === 1 ? one : many, count });
  }
  return counts;
}

/** For the backup page: can a backup be imported here? */
export async function backupOverview(ctx: MemberContext): Promise<BackupOverviewDto> {
  await authorize(ctx, "members.manage");
  const c = await contents(db(), ctx);
  return { empty: c.length === 0, contents: c };
}

// The export is in ./backup-export.ts (streamed, decision 016).

// ---------------------------------------------------------------- import

function toPrismaData(
  table: TableName,
  row: BackupRow,
  orgId: string,
  rekey: ReadonlyMap<string, string>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { organizationId: orgId };
  for (const [name, col] of columnsOf(table)) {
    const v = row[name] ?? null;
    if (col.kind === "timestamp") out[name] = v === null ? null : new Date(v as string);
    else if (col.kind === "date") out[name] = v === null ? null : dateOnly(v as string);
    else if (col.kind === "json") out[name] = v === null ? Prisma.DbNull : v;
    else if (col.kind === "key") out[name] = v === null ? null : (rekey.get(v as string) ?? v);
    else out[name] = v;
  }
  if (table === "Webhook") Object.assign(out, restoredWebhook(out));
  return out;
}

/** See REACH_TABLES.Webhook: a new secret, and a signed webhook that was on waits for it to be handed over. */
function restoredWebhook(row: Record<string, unknown>): Record<string, unknown> {
  const fresh = { secret: newSecret() };
  if (row.format !== "STANDARD" || row.enabled !== true) return fresh;
  return {
    ...fresh,
    enabled: false,
    disabledAt: new Date(),
    disabledReason:
      "Restored from a backup, which holds no signing secret: rotate the secret, give the new one to the receiver, then switch the webhook on.",
  };
}

/**
 * Anonymous in-app survey answers carry HMAC(server secret, survey id + member id), which stops a
 * second answer without naming anyone. The ids change on import, so each key this server can
 * recognise (same secret) is recomputed for the new ids; keys it cannot (another server's secret)
 * are kept and simply match no one. The member is never written down, only matched in memory.
 * Keep the formula in step with responderKey in ./surveys.ts.
 */
function responderRekey(doc: OrganisationBackup, ids: ReadonlyMap<string, string>): Map<string, string> {
  const wanted = new Set(
    doc.tables.SurveyRespondent.flatMap((r) => (typeof r.responderKey === "string" ? [r.responderKey] : [])),
  );
  const rekey = new Map<string, string>();
  if (wanted.size === 0) return rekey;
  const secret = authSecret();
  const key = (surveyId: string, membershipId: string) =>
    createHmac("sha256", secret).update(`survey:${surveyId}:${membershipId}`).digest("hex");
  const surveys = new Set(doc.tables.SurveyRespondent.filter((r) => r.responderKey).map((r) => r.surveyId as string));
  for (const s of surveys) {
    for (const m of doc.tables.Membership) {
      const old = key(s, m.id as string);
      if (wanted.has(old)) rekey.set(old, key(ids.get(s)!, ids.get(m.id as string)!));
    }
  }
  return rekey;
}

/** The daily summary the trigger built (in the organisation's zone) must hold exactly the file's observation counts. */
async function checkDailySummary(
  tx: Prisma.TransactionClient,
  orgId: string,
  doc: OrganisationBackup,
  zone: string,
): Promise<void> {
  const days = new Set<string>();
  let performed = 0;
  let missed = 0;
  for (const o of doc.tables.Observation) {
    days.add(`${o.behaviourId as string}|${o.teamId as string}|${dayOf(new Date(o.occurredAt as string), zone)}`);
    performed += o.performed as number;
    missed += o.missed as number;
  }
  const [sum, rows] = await Promise.all([
    tx.observationDaily.aggregate({ where: { organizationId: orgId }, _sum: { performed: true, missed: true } }),
    tx.observationDaily.count({ where: { organizationId: orgId } }),
  ]);
  if ((sum._sum.performed ?? 0) !== performed || (sum._sum.missed ?? 0) !== missed || rows !== days.size) {
    throw new Error(
      `daily summary after import: ${rows} days, ${sum._sum.performed}/${sum._sum.missed}; the file has ${days.size} days, ${performed}/${missed}`,
    );
  }
}

/** The organisation's settings from the file (those it carries); returns the zone the organisation now has. */
async function restoreSettings(
  tx: Prisma.TransactionClient,
  ctx: MemberContext,
  org: OrganisationBackup["organisation"],
): Promise<string> {
  const { name: _name, ...settings } = org;
  const data = Object.fromEntries(Object.entries(settings).filter(([, v]) => v !== undefined));
  if (Object.keys(data).length === 0) return ctx.timeZone;
  const before = await tx.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: PRIVACY_SETTINGS });
  const updated = await tx.organization.update({
    where: { id: ctx.orgId },
    data,
    select: { timeZone: true, ...PRIVACY_SETTINGS },
  });
  await auditPrivacyChanges(tx, ctx, before, updated);
  return updated.timeZone;
}

const PRIVACY_SETTINGS = {
  minGroupSize: true,
  observerRetentionDays: true,
  noteRetentionDays: true,
  auditRetentionDays: true,
} as const;
type PrivacySettings = Record<keyof typeof PRIVACY_SETTINGS, number>;

/**
 * The privacy settings a restore changed are the same security events an admin's change is ("privacy." events
 * outlive audit retention), so a works council sees a threshold lowered by a file as plainly as by hand.
 */
async function auditPrivacyChanges(
  tx: Prisma.TransactionClient,
  ctx: MemberContext,
  before: PrivacySettings,
  after: PrivacySettings,
) {
  const event = (action: string, details: Record<string, unknown>) =>
    recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action,
        targetType: "Organization",
        targetId: ctx.orgId,
        outcome: "ok",
        details: { ...details, via: "backup-import" },
      },
      tx,
    );
  if (before.minGroupSize !== after.minGroupSize)
    await event("privacy.group-size", { from: before.minGroupSize, to: after.minGroupSize });
  if (
    before.observerRetentionDays !== after.observerRetentionDays ||
    before.noteRetentionDays !== after.noteRetentionDays ||
    before.auditRetentionDays !== after.auditRetentionDays
  )
    await event("privacy.policy", {
      observerDays: after.observerRetentionDays,
      noteDays: after.noteRetentionDays,
      auditDays: after.auditRetentionDays,
    });
}

function databaseRule(err: unknown): RuleError | null {
  if (isUniqueViolation(err))
    return new RuleError(
      "The file breaks a uniqueness rule of the database (two rows with the same name, title or key). Nothing was imported.",
      "content",
    );
  if (isForeignKeyViolation(err))
    return new RuleError("The file has a reference the database refuses. Nothing was imported.", "content");
  return null;
}

/**
 * Imports a backup into the caller's own organisation, which must be empty (nothing but the
 * caller's membership and audit trail), in one transaction: every row gets a fresh id and every
 * reference follows it. Only the importer is matched to their account; everyone else becomes an
 * invitation they must accept (docs/decisions/014), and no account is made for anyone. The caller's
 * own membership stays ADMIN, ACTIVE and dated as it was, whatever the file says, so an import can
 * never lock the importer out.
 */
/** The uploaded file: its size was checked before, and the document itself is read only for an admin. */
export async function importOrganisationFile(ctx: MemberContext, content: string): Promise<BackupImportResultDto> {
  await authorize(ctx, "members.manage");
  const doc = parseBackupDocument(content);
  if (!doc.ok) throw new RuleError(doc.message, "content");
  return importOrganisation(ctx, doc.data);
}

export async function importOrganisation(ctx: MemberContext, doc: OrganisationBackup): Promise<BackupImportResultDto> {
  await authorize(ctx, "members.manage");
  const problems = checkBackup(doc);
  if (problems.length) {
    const more = problems.length > 3 ? ` (and ${problems.length - 3} more problems)` : "";
    throw new RuleError(`The file cannot be imported: ${problems.slice(0, 3).join(" ")}${more}`, "content");
  }
  const zone = doc.organisation.timeZone;
  if (zone !== undefined && !(await databaseKnowsZone(zone)))
    throw new RuleError(
      `The file's time zone, ${zone}, is not one this database knows. Nothing was imported.`,
      "content",
    );
  // Placeholders never sign in (authenticate refuses them); a real hash of forgotten random bytes
  // anyway, so a sign-in attempt takes the usual time.
  const passwordHash = await hashPassword(randomBytes(32).toString("base64url"));
  try {
    return await db().$transaction(async (tx) => {
      // Holds off any other write to this organisation (each takes a key-share lock on its row).
      await tx.$queryRaw`SELECT "id" FROM "Organization" WHERE "id" = ${ctx.orgId} FOR UPDATE`;
      const present = await contents(tx, ctx);
      if (present.length) {
        throw new RuleError(
          `This organisation is not empty (${present.map((c) => `${c.count} ${c.label}`).join(", ")}). Import a backup into a new organisation instead: create one in Settings, switch to it, and import there.`,
        );
      }
      // Only the importer is matched to an account (by e-mail). Everyone else, with an account here or
      // not, gets a placeholder that holds their records and an invitation bound to their e-mail: the
      // same for both, so a file reveals nothing about who has an account (docs/decisions/014).
      const ids = new Map<string, string>();
      const placeholders: { id: string; email: string; name: string; passwordHash: string; placeholder: true }[] = [];
      const emailOf = new Map<string, string>();
      for (const u of doc.users) {
        const email = u.email.toLowerCase();
        if (email === ctx.email.toLowerCase()) ids.set(u.ref, ctx.userId);
        else {
          const id = newId();
          ids.set(u.ref, id);
          emailOf.set(id, email);
          placeholders.push({ id, email: `${id}@placeholder.invalid`, name: u.name, passwordHash, placeholder: true });
        }
      }
      const mine = doc.tables.Membership.find((m) => ids.get(m.userId as string) === ctx.userId);
      for (const t of TABLE_NAMES)
        if (hasId(t)) for (const r of doc.tables[t]) ids.set(r.id as string, r === mine ? ctx.membershipId : newId());
      const rekey = responderRekey(doc, ids);
      // The file's settings first: the daily summary's trigger buckets each observation by the
      // organisation's zone as it is inserted.
      const timeZone = await restoreSettings(tx, ctx, doc.organisation);
      const zoneFromFile = doc.organisation.timeZone !== undefined;

      for (let i = 0; i < placeholders.length; i += CHUNK)
        await tx.user.createMany({ data: placeholders.slice(i, i + CHUNK) });
      const now = new Date();
      for (const t of TABLE_NAMES) {
        const rows = (parentLayers(t, doc.tables[t]) ?? []).flat().filter((r) => r !== mine);
        const data = rows.map((r) => toPrismaData(t, remapBackupRow(t, r, ids), ctx.orgId, rekey));
        // A membership from the file gives no access: the person accepts first. Its date is today,
        // never the file's, which must not decide anyone's default organisation or seniority.
        if (t === "Membership")
          for (const m of data)
            Object.assign(m, {
              status: m.status === "DISABLED" ? "DISABLED" : "INVITED",
              createdAt: now,
              updatedAt: now,
            });
        for (let i = 0; i < data.length; i += CHUNK)
          await delegate(tx, t).createMany({ data: data.slice(i, i + CHUNK) });
      }
      const invitations = await inviteImported(tx, ctx, doc, ids, emailOf, mine);
      await checkDailySummary(tx, ctx.orgId, doc, timeZone);

      const result: BackupImportResultDto = {
        rows: backupCounts(doc),
        timeZone,
        zoneFromFile,
        invitations,
        disabled: doc.tables.Membership.filter((m) => m !== mine && m.status === "DISABLED").length,
      };
      await recordAudit(
        {
          organizationId: ctx.orgId,
          actorUserId: ctx.userId,
          action: "organization.backup-import",
          targetType: "Organization",
          targetId: ctx.orgId,
          outcome: "ok",
          // The links are secrets for the admin's eyes once: the trail keeps only how many.
          details: {
            rows: result.rows,
            invited: result.invitations.length,
            disabled: result.disabled,
            exportedAt: doc.exportedAt,
          },
        },
        tx,
      );
      return result;
    }, LONG_TRANSACTION);
  } catch (err) {
    throw databaseRule(err) ?? err;
  }
}
