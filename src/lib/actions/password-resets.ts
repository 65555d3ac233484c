"use server";
import { revalidatePath } from "next/cache";
import { ResetPasswordInput } from "@/lib/schemas/auth";
import { PasswordResetInput } from "@/lib/schemas/members";
import { formAction, publicFormAction } from "@/lib/server/action";
import { requestIp } from "@/lib/server/request-ip";
import { createPasswordReset, resetPassword } from "@/lib/server/data/password-resets";

/** An admin makes a one-time link for a member who forgot their password, to hand over. */
export const createPasswordResetAction = formAction({
  schema: PasswordResetInput,
  permission: "members.manage",
  invalid: { formError: "Choose a member." },
  run: (ctx, { membershipId, email }) => createPasswordReset(ctx, membershipId, { email }),
  after: () => revalidatePath("/settings"),
});

/** Anyone holding the link: the token is the authority. The form then signs in with the new password. */
export const resetPasswordAction = publicFormAction({
  schema: ResetPasswordInput,
  run: async (_, { token, password }) => {
    return { email: await resetPassword(token, password, await requestIp()) };
  },
});
