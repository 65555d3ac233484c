"use server";
import { revalidatePath } from "next/cache";
import { ChangeRoleInput, InviteInput, RevokeInvitationInput, SetMemberStatusInput } from "@/lib/schemas/members";
import { formObject, zodFieldErrors, type ActionResult } from "@/lib/schemas/action-result";
import { requireMember } from "@/lib/server/context";
import { changeRole, createInvitation, revokeInvitation, setMemberStatus } from "@/lib/server/data/members";
import { failureFrom } from "@/lib/server/action-errors";

export async function inviteAction(
  _prev: unknown,
  form: FormData,
): Promise<ActionResult<{ token: string; expiresAt: string }>> {
  const parsed = InviteInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    const ctx = await requireMember("members.manage");
    const result = await createInvitation(ctx, parsed.data);
    revalidatePath("/settings");
    return { ok: true, data: result };
  } catch (err) {
    return failureFrom(err);
  }
}

export async function changeRoleAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = ChangeRoleInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, fieldErrors: zodFieldErrors(parsed.error) };
  try {
    await changeRole(await requireMember("members.manage"), parsed.data.membershipId, parsed.data.role);
    revalidatePath("/settings");
    return { ok: true, data: undefined };
  } catch (err) {
    return failureFrom(err);
  }
}

export async function setMemberStatusAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = SetMemberStatusInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, formError: "Choose a member and a status." };
  try {
    await setMemberStatus(await requireMember("members.manage"), parsed.data.membershipId, parsed.data.status);
    revalidatePath("/settings");
    return { ok: true, data: undefined };
  } catch (err) {
    return failureFrom(err);
  }
}

export async function revokeInvitationAction(_prev: unknown, form: FormData): Promise<ActionResult> {
  const parsed = RevokeInvitationInput.safeParse(formObject(form));
  if (!parsed.success) return { ok: false, formError: "Choose an invitation." };
  try {
    await revokeInvitation(await requireMember("members.manage"), parsed.data.invitationId);
    revalidatePath("/settings");
    return { ok: true, data: undefined };
  } catch (err) {
    return failureFrom(err);
  }
}
