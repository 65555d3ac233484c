import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { commitCatalogueImport, exportCatalogue, previewCatalogueImport } from "@/lib/server/data/catalogue-transfer";
import { catalogueToCsv, type TransferDocument } from "@/lib/domain/catalogue-transfer";
import { ForbiddenError, RuleError } from "@/lib/server/errors";
import { buildBehaviour, buildMember, buildOrganization, buildOrgScenario, buildValue } from "../factories";
import { contextFor } from "./support/context";
import { dataCounts } from "./support/snapshot";

async function source() {
  const s = await buildOrgScenario(db(), { name: "Source" });
  const v2 = await buildValue(db(), s.org.id, {
    name: "Ownership, end to end",
    description: "Tickets have one owner",
    position: 1,
  });
  await buildBehaviour(
    db(),
    { organizationId: s.org.id, valueId: v2.id, ownerId: s.manager.membership.id },
    {
      title: "Named owner, within 4 h",
      action: 'assigns the ticket to one person and writes "Owner:" in the first comment',
      example: "=SUM(A1) looks like a formula\nand spans two lines",
      anchors: ["Who tells the customer?", "Is it still yours?"],
    },
  );
  return { s, ctx: await contextFor(s.admin.user.id, s.org.id) };
}

async function emptyOrg() {
  const org = await buildOrganization(db(), { name: "Empty" });
  const admin = await buildMember(db(), org.id, "ADMIN");
  return { org, admin, ctx: await contextFor(admin.user.id, org.id) };
}

const definition = (doc: TransferDocument) => ({
  values: doc.values,
  behaviours: doc.behaviours.map(({ ownerEmail: _o, status: _s, ...b }) => b),
});

describe("catalogue import and export", () => {
  for (const format of ["json", "csv"] as const) {
    it(`round-trips through ${format.toUpperCase()} into an empty organisation, as drafts`, async () => {
      const { ctx } = await source();
      const exported = await exportCatalogue(ctx);
      expect(exported.behaviours).toHaveLength(2);
      const text = format === "json" ? JSON.stringify(exported) : catalogueToCsv(exported);

      const target = await emptyOrg();
      const preview = await previewCatalogueImport(target.ctx, text);
      expect(preview).toMatchObject({
        fileError: null,
        importable: 2,
        newValues: [exported.values[0]!.name, "Ownership, end to end"],
      });
      expect(preview.rows.every((r) => r.warnings[0]?.includes("you will be the owner"))).toBe(true);
      expect(await commitCatalogueImport(target.ctx, text)).toBe(2);

      const again = await exportCatalogue(target.ctx);
      const expected = definition(exported);
      if (format === "csv") {
        // CSV carries no value descriptions.
        expected.values = expected.values.map((v) => ({ ...v, description: "" }));
        // The export neutralised the formula-like example with an apostrophe, and reading keeps cells as
        // written: it comes back with it, and a second export leaves it at one.
        expected.behaviours = expected.behaviours.map((b) =>
          b.example.startsWith("=") ? { ...b, example: `'${b.example}` } : b,
        );
        expect(catalogueToCsv(again)).toContain(`"'=SUM(A1) looks like a formula\nand spans two lines"`);
      }
      expect(definition(again)).toEqual(expected);
      expect(again.behaviours.map((b) => [b.status, b.ownerEmail])).toEqual([
        ["DRAFT", target.admin.user.email],
        ["DRAFT", target.admin.user.email],
      ]);
      const versions = await db().behaviourVersion.count({ where: { organizationId: target.org.id } });
      expect(versions).toBe(2);
    });
  }

  it("shows every bad row with its problem and imports nothing until all are fixed", async () => {
    const { ctx } = await source();
    const doc = await exportCatalogue(ctx);
    const rows = [
      doc.behaviours[0]!,
      { ...doc.behaviours[1]!, actor: "" },
      { ...doc.behaviours[1]!, title: doc.behaviours[0]!.title.toUpperCase() },
      { ...doc.behaviours[1]!, title: "x" },
    ];
    const text = JSON.stringify({ ...doc, behaviours: rows });
    const target = await emptyOrg();
    const preview = await previewCatalogueImport(target.ctx, text);
    expect(preview.importable).toBe(1);
    expect(preview.rows.map((r) => r.errors)).toEqual([
      [],
      ["Actor is missing."],
      ["The same title is already on line 1."],
      ["Title needs at least 3 characters."],
    ]);
    const before = await dataCounts();
    await expect(commitCatalogueImport(target.ctx, text)).rejects.toThrow(
      /3 row\(s\) have errors; nothing was imported/,
    );
    expect(await dataCounts()).toEqual(before);
    // Titles that already exist in the organisation are refused too.
    const own = await previewCatalogueImport(ctx, JSON.stringify(doc));
    expect(
      own.rows.every((r) => r.errors.includes("A behaviour with this title already exists in your organisation.")),
    ).toBe(true);
  });

  it("explains files it cannot read, and refuses members", async () => {
    const target = await emptyOrg();
    expect((await previewCatalogueImport(target.ctx, "{not json")).fileError).toBe("This is not valid JSON.");
    expect((await previewCatalogueImport(target.ctx, "title,actor\nx,y")).fileError).toMatch(
      /missing the column\(s\): value, action/,
    );
    expect((await previewCatalogueImport(target.ctx, 'value,title\n"broken')).fileError).toMatch(/not closed/);
    await expect(commitCatalogueImport(target.ctx, "")).rejects.toBeInstanceOf(RuleError);
    const member = await buildMember(db(), target.org.id, "MEMBER");
    await expect(previewCatalogueImport(await contextFor(member.user.id, target.org.id), "[]")).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});
