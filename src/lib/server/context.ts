import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { getSession, getSessionUser } from "./auth";
import { sessionMember, type MemberContext } from "./data/accounts";
import { ForbiddenError } from "./errors";
import { recordRefusal } from "./authorize";
import { can, type Permission } from "@/lib/domain/roles";

export const ORG_COOKIE = "conduct_org";

/**
 * The caller as a member of their current organisation, or null. The organisation comes from a
 * cookie that only says which of the user's own memberships they prefer; it is re-checked here on
 * every request, so a disabled member or a forged cookie gets nothing.
 */
export const currentMember = cache(async (): Promise<MemberContext | null> => {
  const session = await getSession();
  if (!session) return null;
  const preferred = (await cookies()).get(ORG_COOKIE)?.value ?? null;
  return sessionMember(session, preferred);
});

/** For pages: signed-out callers go to sign-in; a missing permission is a 404, like a missing page. */
export async function requireMemberPage(permission?: Permission): Promise<MemberContext> {
  const ctx = await currentMember();
  if (!ctx) {
    if (await getSessionUser()) redirect("/no-organisation");
    // The proxy passes the requested path along, so sign-in can return there.
    const path = (await headers()).get("x-conduct-path");
    redirect(path ? `/sign-in?next=${encodeURIComponent(path)}` : "/sign-in");
  }
  if (permission && !can(ctx.role, permission, ctx.policy)) {
    await recordRefusal({
      organizationId: ctx.orgId,
      actorUserId: ctx.userId,
      permission,
      path: (await headers()).get("x-conduct-path"),
    });
    notFound();
  }
  return ctx;
}

/** For server actions: throws instead of redirecting; the action turns it into an ActionResult. */
export async function requireMember(permission?: Permission): Promise<MemberContext> {
  const ctx = await currentMember();
  if (!ctx) {
    // Every server action is a public endpoint: a call without a session is recorded too.
    const user = await getSessionUser();
    await recordRefusal({ actorUserId: user?.id ?? null, permission, reason: user ? "not-a-member" : "signed-out" });
    throw new ForbiddenError("Your session has ended. Sign in again.");
  }
  if (permission && !can(ctx.role, permission, ctx.policy)) {
    await recordRefusal({ organizationId: ctx.orgId, actorUserId: ctx.userId, permission });
    throw new ForbiddenError();
  }
  return ctx;
}

/**
 * For GET route handlers (downloads): the caller, or the 404 a missing page gets. A member without
 * the permission is refused on the audit trail, as pages and actions refuse.
 */
export async function routeMember(req: Request, permission?: Permission): Promise<MemberContext | Response> {
  const ctx = await currentMember();
  if (!ctx) return new Response("Not found", { status: 404 });
  if (permission && !can(ctx.role, permission, ctx.policy)) {
    await recordRefusal({
      organizationId: ctx.orgId,
      actorUserId: ctx.userId,
      permission,
      path: new URL(req.url).pathname,
    });
    return new Response("Not found", { status: 404 });
  }
  return ctx;
}
