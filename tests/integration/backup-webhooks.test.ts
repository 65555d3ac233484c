// A backup never carries a webhook's signing secret (issue 17): the file travels, and the secret would
// let whoever holds it sign as Conduct. The import makes new secrets; a signed webhook that was on comes
// back off until an admin rotates the secret and hands it to the receiver; Slack and Teams ones keep working.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { importOrganisation } from "@/lib/server/data/backup";
import { createOrganizationFor } from "@/lib/server/data/accounts";
import { parseBackupDocument } from "@/lib/schemas/backup";
import { buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";
import { exportedBackup } from "./support/backup-file";

const SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

describe("webhooks in a backup", () => {
  it("leave their secret out of the file and get new ones on import, signed ones switched off until handed over", async () => {
    const s = await buildOrgScenario(db());
    const webhook = (name: string, format: "STANDARD" | "SLACK", enabled: boolean) =>
      db().webhook.create({
        data: {
          organizationId: s.org.id,
          name,
          url: `https://hooks.example.com/${name}`,
          format,
          secret: SECRET,
          events: ["cue"],
          enabled,
        },
      });
    await webhook("signed", "STANDARD", true);
    await webhook("slack", "SLACK", true);
    await webhook("off", "STANDARD", false);
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const doc = await exportedBackup(admin);
    const text = JSON.stringify(doc);
    expect(text).not.toContain("whsec_");
    expect(doc.tables.Webhook.map((w) => w.name).sort()).toEqual(["off", "signed", "slack"]);

    const orgId = await createOrganizationFor(s.admin.user.id, "Restored webhooks");
    const parsed = parseBackupDocument(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await importOrganisation(await contextFor(s.admin.user.id, orgId), parsed.data);
    const restored = await db().webhook.findMany({ where: { organizationId: orgId }, orderBy: { name: "asc" } });
    expect(restored.map((w) => [w.name, w.enabled])).toEqual([
      ["off", false],
      ["signed", false],
      ["slack", true],
    ]);
    for (const w of restored) {
      expect(w.secret).toMatch(/^whsec_/);
      expect(w.secret).not.toBe(SECRET);
    }
    expect(new Set(restored.map((w) => w.secret)).size).toBe(3);
    expect(restored.find((w) => w.name === "signed")!.disabledReason).toMatch(/rotate the secret/);
    expect(restored.find((w) => w.name === "off")!.disabledReason).toBeNull();
  });
});
