// Matrix rows for account recovery (src/lib/actions/password-resets.ts).
import { db } from "@/lib/server/db";
import { PasswordResetInput } from "@/lib/schemas/members";
import { createPasswordReset } from "@/lib/server/data/password-resets";
import { buildMember } from "../../factories";
import { type Row, at, row, ADMINS, A } from "./matrix-core";

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
];
