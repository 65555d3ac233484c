"use server";
import { revalidatePath } from "next/cache";
import { ForgotPasswordInput, MailModeInput, MyNotificationInput, NotificationDefaultInput } from "@/lib/schemas/mail";
import { formAction, publicFormAction } from "@/lib/server/action";
import { requestIp } from "@/lib/server/request-ip";
import { requestPasswordReset } from "@/lib/server/data/password-resets";
import { setMailMode, setMyNotification, setNotificationDefault } from "@/lib/server/mail/settings";

/** "Forgot your password?": the same answer whether or not the address has an account. */
export const forgotPasswordAction = publicFormAction({
  schema: ForgotPasswordInput,
  run: async (_, { email }) => {
    await requestPasswordReset(email, await requestIp());
    return { email };
  },
});

/** Each person chooses, per kind, e-mail or nothing (or the organisation's default). */
export const setMyNotificationAction = formAction({
  schema: MyNotificationInput,
  permission: null,
  invalid: { formError: "Choose e-mail, none or the default." },
  run: (ctx, input) => setMyNotification(ctx, input),
  after: () => revalidatePath("/profile"),
});

export const setNotificationDefaultAction = formAction({
  schema: NotificationDefaultInput,
  permission: "notifications.manage",
  invalid: { formError: "Choose e-mail or none." },
  run: (ctx, { kind, channel }) => setNotificationDefault(ctx, kind, channel),
  after: () => revalidatePath("/settings/notifications"),
});

export const setMailModeAction = formAction({
  schema: MailModeInput,
  permission: "notifications.manage",
  run: (ctx, { mailMode }) => setMailMode(ctx, mailMode),
  after: () => revalidatePath("/settings"),
});
