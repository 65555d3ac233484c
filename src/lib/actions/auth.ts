"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { InviteTokenInput, NewAccountFromInvite, SignUpInput } from "@/lib/schemas/auth";
import { NewOrganizationInput, SwitchOrganizationInput } from "@/lib/schemas/members";
import { formObject } from "@/lib/schemas/action-result";
import { publicFormAction, signedInFormAction } from "@/lib/server/action";
import { createOrganizationFor, memberContext, rememberOrganization } from "@/lib/server/data/accounts";
import { signUp } from "@/lib/server/data/sign-up";
import { requestIp } from "@/lib/server/request-ip";
import { acceptInvitation, acceptInvitationAsNewUser } from "@/lib/server/data/members";
import { getSessionUser } from "@/lib/server/auth";
import { ORG_COOKIE } from "@/lib/server/context";

/** This browser's choice (the cookie) and the account's (where other browsers start). */
async function preferOrganization(userId: string, orgId: string) {
  (await cookies()).set(ORG_COOKIE, orgId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 400 * 86_400 });
  await rememberOrganization(userId, orgId);
}

/**
 * Creates the account and its organisation; the form then signs in with the same credentials. An
 * e-mail that has an account gets the same answer (see signUp).
 * No organisation cookie here: the new user has exactly one organisation, and setting a cookie
 * would re-render the page and unmount the form before it signs the user in.
 */
export const signUpAction = publicFormAction({
  schema: SignUpInput,
  run: async (_, input) => signUp(input, await requestIp()),
});

/** Their only organisation: no cookie needed (see signUpAction). */
export const acceptInviteAsNewUserAction = publicFormAction({
  schema: NewAccountFromInvite,
  run: async (_, input) => {
    await acceptInvitationAsNewUser(input);
    return { email: input.email };
  },
});

export const acceptInviteAction = signedInFormAction({
  schema: InviteTokenInput,
  invalid: { formError: "This invitation link is not valid." },
  run: async (user, { token }) => preferOrganization(user.id, await acceptInvitation(user.id, token)),
  after: () => redirect("/"),
});

/** Switches the current organisation, only ever to one the user is an active member of. */
export async function switchOrganizationAction(form: FormData): Promise<void> {
  const user = await getSessionUser();
  const parsed = SwitchOrganizationInput.safeParse(formObject(form));
  if (!user || !parsed.success) return;
  const ctx = await memberContext(user.id, parsed.data.organizationId);
  if (ctx?.orgId === parsed.data.organizationId) await preferOrganization(user.id, ctx.orgId);
  revalidatePath("/", "layout");
}

export const createOrganizationAction = signedInFormAction({
  schema: NewOrganizationInput,
  run: async (user, { organizationName }) => {
    const organizationId = await createOrganizationFor(user.id, organizationName);
    await preferOrganization(user.id, organizationId);
    return { organizationId };
  },
  after: () => revalidatePath("/", "layout"),
});
