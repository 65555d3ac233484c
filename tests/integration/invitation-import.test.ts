import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { commitInvitationImport, previewInvitationImport } from "@/lib/server/data/invitation-import";
import { acceptInvitationAsNewUser } from "@/lib/server/data/members";
import { NewAccountFromInvite } from "@/lib/schemas/auth";
import { buildOrgScenario, buildTeam } from "../factories";
import { contextFor } from "./support/context";

const email = (p: string) => `${p}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.test`;

describe("inviting people in bulk", () => {
  it("makes one invitation per row, bound to its e-mail, and puts each person in their teams on joining", async () => {
    const s = await buildOrgScenario(db());
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const checkout = await buildTeam(db(), s.org.id, { name: "Checkout" });
    const refunds = await buildTeam(db(), s.org.id, { name: "Refunds" });
    const [ada, bo] = [email("ada"), email("bo")];
    const csv = `email,name,role,teams\r\n${ada},Ada,Manager,Checkout;Refunds\r\n${bo},Bo,,\r\n`;

    const preview = await previewInvitationImport(admin, csv);
    expect([preview.importable, preview.rows.map((r) => r.teamNames)]).toEqual([2, [["Checkout", "Refunds"], []]]);
    const links = await commitInvitationImport(admin, csv);
    expect(links.map((l) => l.email)).toEqual([ada, bo]);
    // The same people again: already invited, so the whole file is refused and nothing more is made.
    await expect(commitInvitationImport(admin, csv)).rejects.toMatchObject({ field: "content" });
    expect(await db().invitation.count({ where: { organizationId: s.org.id } })).toBe(2);

    // Bound to the e-mail: someone else cannot use Ada's link.
    const adaLink = links[0]!.token;
    await expect(
      acceptInvitationAsNewUser(
        NewAccountFromInvite.parse({ name: "Eve", email: email("eve"), password: "a-long-passphrase", token: adaLink }),
      ),
    ).rejects.toThrow(/This invitation is for/);
    await acceptInvitationAsNewUser(
      NewAccountFromInvite.parse({ name: "Ada", email: ada, password: "a-long-passphrase", token: adaLink }),
    );
    const joined = await db().membership.findFirstOrThrow({
      where: { organizationId: s.org.id, user: { email: ada } },
      select: { role: true, teams: { select: { teamId: true } } },
    });
    expect(joined.role).toBe("MANAGER");
    expect(joined.teams.map((t) => t.teamId).sort()).toEqual([checkout.id, refunds.id].sort());
  });

  it("refuses the whole file when one row is wrong, naming its line", async () => {
    const s = await buildOrgScenario(db());
    const admin = await contextFor(s.admin.user.id, s.org.id);
    const csv = `email,name,role,teams\n${email("ok")},Ok,Member,\nnot-an-email,Bad,Member,\n`;
    await expect(commitInvitationImport(admin, csv)).rejects.toThrow(/Line 3: E-mail is not a valid address/);
    expect(await db().invitation.count({ where: { organizationId: s.org.id } })).toBe(0);
  });

  it("invites each person once when the same file is imported twice at the same moment", async () => {
    const s = await buildOrgScenario(db());
    const admin = await contextFor(s.admin.user.id, s.org.id);
    for (let round = 0; round < 6; round++) {
      const csv = `email,name,role,teams\n${email(`race${round}a`)},A,Member,\n${email(`race${round}b`)},B,Member,\n`;
      const results = await Promise.allSettled([
        commitInvitationImport(admin, csv),
        commitInvitationImport(admin, csv),
      ]);
      expect(
        results.filter((r) => r.status === "fulfilled"),
        `round ${round}`,
      ).toHaveLength(1);
    }
    expect(await db().invitation.count({ where: { organizationId: s.org.id } })).toBe(12);
  });
});
