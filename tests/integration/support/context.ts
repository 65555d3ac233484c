import { memberContext, type MemberContext } from "@/lib/server/data/accounts";

/** The context the app would derive for this user in this organisation (throws when not a member). */
export async function contextFor(userId: string, orgId: string): Promise<MemberContext> {
  const ctx = await memberContext(userId, orgId);
  if (!ctx || ctx.orgId !== orgId) throw new Error("not an active member of that organisation");
  return ctx;
}
