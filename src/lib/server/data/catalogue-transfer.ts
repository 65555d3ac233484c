import "server-only";
import { authorize } from "../authorize";
import { db } from "../db";
import { recordAudit } from "../audit";
import { RuleError } from "../errors";
import { readCatalogueFile, type ImportRow, type TransferDocument } from "@/lib/domain/catalogue-transfer";
import type { ImportPreviewDto } from "@/lib/schemas/transfer";
import type { MemberContext } from "./accounts";

/** The caller's whole catalogue (organisation behaviours, not deleted) as a transfer document. */
export async function exportCatalogue(ctx: MemberContext): Promise<TransferDocument> {
  const values = await db().value.findMany({
    where: { organizationId: ctx.orgId },
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: {
      name: true,
      description: true,
      behaviours: {
        where: { deletedAt: null, parentId: null },
        orderBy: { title: "asc" },
        select: {
          title: true,
          actor: true,
          action: true,
          trigger: true,
          frequency: true,
          completionCriterion: true,
          customerOutcome: true,
          example: true,
          anchors: true,
          status: true,
          owner: { select: { user: { select: { email: true } } } },
        },
      },
    },
  });
  return {
    format: "conduct-catalogue",
    version: 1,
    values: values.map((v) => ({ name: v.name, description: v.description })),
    behaviours: values.flatMap((v) =>
      v.behaviours.map(({ owner, ...b }) => ({ value: v.name, ...b, ownerEmail: owner.user.email })),
    ),
  };
}

async function check(ctx: MemberContext, text: string) {
  await authorize(ctx, "catalogue.edit");
  const file = readCatalogueFile(text);
  const [existing, members, values] = await Promise.all([
    db().behaviour.findMany({ where: { organizationId: ctx.orgId }, select: { title: true } }),
    db().membership.findMany({
      where: { organizationId: ctx.orgId, status: "ACTIVE" },
      select: { id: true, user: { select: { email: true } } },
    }),
    db().value.findMany({ where: { organizationId: ctx.orgId }, select: { id: true, name: true } }),
  ]);
  const taken = new Set(existing.map((b) => b.title.toLowerCase()));
  const ownerByEmail = new Map(members.map((m) => [m.user.email, m.id]));
  const valueByName = new Map(values.map((v) => [v.name.toLowerCase(), v.id]));
  const rows = file.rows.map((r): ImportRow & { warnings: string[] } => {
    const warnings: string[] = [];
    const errors = [...r.errors];
    if (r.behaviour && taken.has(r.behaviour.title.toLowerCase()))
      errors.push("A behaviour with this title already exists in your organisation.");
    if (r.behaviour && !ownerByEmail.has(r.behaviour.ownerEmail))
      warnings.push(`${r.behaviour.ownerEmail || "No owner"} is not a member here: you will be the owner.`);
    return { ...r, errors, warnings };
  });
  return { file, rows, ownerByEmail, valueByName };
}

/** Reads and checks an import without writing anything. */
export async function previewCatalogueImport(ctx: MemberContext, text: string): Promise<ImportPreviewDto> {
  const { file, rows, valueByName } = await check(ctx, text);
  const newValues = [
    ...new Set(
      rows.flatMap((r) =>
        r.behaviour && !valueByName.has(r.behaviour.value.toLowerCase()) ? [r.behaviour.value] : [],
      ),
    ),
  ];
  return {
    fileError: file.fileError ?? null,
    rows: rows.map((r) => ({
      line: r.line,
      title: r.title,
      value: r.behaviour?.value ?? "",
      errors: r.errors,
      warnings: r.warnings,
    })),
    importable: file.fileError ? 0 : rows.filter((r) => r.errors.length === 0).length,
    newValues,
  };
}

/**
 * Imports all rows or none. Imported behaviours are drafts: each needs a human video test in this
 * organisation before it can be observed.
 */
export async function commitCatalogueImport(ctx: MemberContext, text: string): Promise<number> {
  const { file, rows, ownerByEmail, valueByName } = await check(ctx, text);
  if (file.fileError) throw new RuleError(file.fileError);
  const bad = rows.filter((r) => r.errors.length > 0);
  if (bad.length)
    throw new RuleError(`${bad.length} row(s) have errors; nothing was imported. Fix them and preview again.`);
  if (rows.length === 0) throw new RuleError("There is nothing to import.");
  return db().$transaction(async (tx) => {
    let position = valueByName.size;
    const descriptions = new Map(file.values.map((v) => [v.name.toLowerCase(), v.description]));
    for (const r of rows) {
      const b = r.behaviour!;
      let valueId = valueByName.get(b.value.toLowerCase());
      if (!valueId) {
        valueId = (
          await tx.value.create({
            data: {
              organizationId: ctx.orgId,
              name: b.value,
              description: descriptions.get(b.value.toLowerCase()) ?? "",
              position: position++,
            },
            select: { id: true },
          })
        ).id;
        valueByName.set(b.value.toLowerCase(), valueId);
      }
      const { value: _v, ownerEmail, ...fields } = b;
      const ownerId = ownerByEmail.get(ownerEmail) ?? ctx.membershipId;
      const created = await tx.behaviour.create({
        data: { ...fields, organizationId: ctx.orgId, valueId, ownerId, authorId: ctx.membershipId, status: "DRAFT" },
        select: { id: true },
      });
      await tx.behaviourVersion.create({
        data: {
          organizationId: ctx.orgId,
          behaviourId: created.id,
          version: 1,
          editedById: ctx.membershipId,
          snapshot: { ...fields, valueId, ownerId },
        },
      });
    }
    await recordAudit(
      {
        organizationId: ctx.orgId,
        actorUserId: ctx.userId,
        action: "catalogue.import",
        outcome: "ok",
        details: { behaviours: rows.length },
      },
      tx,
    );
    return rows.length;
  });
}
