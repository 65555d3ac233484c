"use server";
import { cookies } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { NewAccountFromInvite, SignUpInput } from "@/lib/schemas/auth";
import { NewOrganizationInput, SwitchOrganizationInput } from "@/lib/schemas/members";
import { formObject, zodFieldErrors, type ActionResult } from "@/lib/schemas/action-result";
import { createAccountWithOrganization, createOrganizationFor, memberContext } from "@/lib/server/data/accounts";
import { acceptInvitation, acceptInvitationAsNewUser } from "@/lib/server/data/members";
import { getSessionUser } from "@/lib/server/auth";
import { ORG_COOKIE } from "@/lib/server/context";
import { failureFrom } from "@/lib/server/action-errors";

async function preferOrganization(orgId: string) {
  (await cookies()).set(ORG_COOKIE, orgId, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 400 * 86_400 });
}

/** Creates the account and its organisation; the form then signs in with the same credentials. */
export async function signUpAction(_prev: unknown, form: FormData): Promise<ActionResult<{ email: string }>> {
  const parsed = SignUpInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    // No organisation cookie here: the new user has exactly one organisation, and setting a
    // cookie would re-render the page and unmount the form before it signs the user in.
    await createAccountWithOrganization(parsed.data);
    return { ok: true, data: { email: parsed.data.email } };
  } catch (err) {
    return failureFrom(err);
  }
}

export async function acceptInviteAsNewUserAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ email: string }>> {
  const parsed = NewAccountFromInvite.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    await acceptInvitationAsNewUser(parsed.data); // their only organisation: no cookie needed
    return { ok: true, data: { email: parsed.data.email } };
  } catch (err) {
    return failureFrom(err);
  }
}

export async function acceptInviteAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return { ok: false, formError: "Sign in first." };
  const token = form.get("token");
  if (typeof token !== "string" || token.length > 200)
    return { ok: false, formError: "This invitation link is not valid." };
  try {
    await preferOrganization(await acceptInvitation(user.id, token));
  } catch (err) {
    return failureFrom(err);
  }
  redirect("/catalogue");
}

/** Switches the current organisation, only ever to one the user is an active member of. */
export async function switchOrganizationAction(form: FormData): Promise<void> {
  const user = await getSessionUser();
  const parsed = SwitchOrganizationInput.safeParse(formObject(form));
  if (!user || !parsed.success) return;
  const ctx = await memberContext(user.id, parsed.data.organizationId);
  if (ctx?.orgId === parsed.data.organizationId) await preferOrganization(ctx.orgId);
  revalidatePath("/", "layout");
}

export async function createOrganizationAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ organizationId: string }>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, formError: "Your session has ended. Sign in again." };
  const parsed = NewOrganizationInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    const organizationId = await createOrganizationFor(user.id, parsed.data.organizationName);
    await preferOrganization(organizationId);
    revalidatePath("/", "layout");
    return { ok: true, data: { organizationId } };
  } catch (err) {
    return failureFrom(err);
  }
}
