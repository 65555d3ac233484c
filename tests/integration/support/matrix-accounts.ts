// Matrix rows for account recovery (src/lib/actions/password-resets.ts).
import { db } from "@/lib/server/db";
import { PasswordResetInput } from "@/lib/schemas/members";
import { createPasswordReset } from "@/lib/server/data/password-resets";
import { commitInvitationImport, previewInvitationImport } from "@/lib/server/data/invitation-import";
import { ImportInput } from "@/lib/schemas/transfer";
import { buildMember } from "../../factories";
import { type Row, at, row, ADMINS, A } from "./matrix-core";
import { uid } from "./matrix-scenario";

const peopleCsv = (teamName: string) =>
  ImportInput.parse({
    content: `email,name,role,teams\r\nbulk-${uid()}@example.test,Bulk Person,Member,${teamName}\r\n`,
  });

export const ACCOUNT_ACTION_ROWS: Row<unknown>[] = [
  row({
    action: "createPasswordResetAction",
    surface: A("password-resets"),
    requires: "members.manage",
    data: "password-resets.createPasswordReset",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) =>
      PasswordResetInput.parse({ membershipId: (await buildMember(db(), s.org.id, "MEMBER")).membership.id }),
    call: (ctx, i) => createPasswordReset(ctx, i.membershipId),
    ids: [at("membershipId", "not-found")],
  }),
  row({
    action: "previewInvitationImportAction",
    surface: A("members"),
    requires: "members.manage",
    data: "invitation-import.previewInvitationImport",
    kind: "read",
    allowed: ADMINS,
    setup: async (s) => peopleCsv(s.team.name),
    call: (ctx, i) => previewInvitationImport(ctx, i.content),
  }),
  row({
    action: "commitInvitationImportAction",
    surface: A("members"),
    requires: "members.manage",
    data: "invitation-import.commitInvitationImport",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => peopleCsv(s.team.name),
    call: (ctx, i) => commitInvitationImport(ctx, i.content),
  }),
];
