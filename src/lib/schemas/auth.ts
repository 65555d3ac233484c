import { z } from "./zod";
import { PASSWORD_MAX, PASSWORD_MIN, normaliseEmail } from "@/lib/domain/accounts";

// Printable text only: no control characters (NUL, RTL overrides) in names.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

export const PersonName = z
  .string({ error: "Enter your name." })
  .trim()
  .min(1, "Enter your name.")
  .max(80, "Use at most 80 characters.")
  .refine((s) => !CONTROL.test(s), "Remove control characters.");

export const Email = z
  .string({ error: "Enter your e-mail address." })
  .trim()
  .min(1, "Enter your e-mail address.")
  .max(254, "That e-mail address is too long.")
  .pipe(z.email("Enter a valid e-mail address, like name@example.com."))
  .transform(normaliseEmail);

export const NewPassword = z
  .string({ error: "Choose a password." })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters.`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters.`);

export const OrganizationName = z
  .string({ error: "Name your organisation." })
  .trim()
  .min(1, "Name your organisation.")
  .min(2, "Use at least 2 characters.")
  .max(80, "Use at most 80 characters.")
  .refine((s) => !CONTROL.test(s), "Remove control characters.");

// Applies to every new account, whichever way it is created.
const passwordIsNotEmail = (v: { password: string; email: string }) => v.password.trim().toLowerCase() !== v.email;
const passwordIsEmail = { path: ["password"], message: "Your password cannot be your e-mail address." };

export const SignUpInput = z
  .object({ name: PersonName, email: Email, password: NewPassword, organizationName: OrganizationName })
  .refine(passwordIsNotEmail, passwordIsEmail);
export type SignUpInput = z.infer<typeof SignUpInput>;

export const SignInInput = z.object({
  email: Email,
  // Never validated beyond presence and a ceiling: the check is the hash comparison.
  password: z.string().min(1, "Enter your password.").max(PASSWORD_MAX),
});

export const NewAccountFromInvite = z
  .object({ name: PersonName, email: Email, password: NewPassword, token: z.string().min(10).max(200) })
  .refine(passwordIsNotEmail, passwordIsEmail);
export type NewAccountFromInvite = z.infer<typeof NewAccountFromInvite>;

/** A signed-in user accepting an invitation link: the token is the authority. */
export const InviteTokenInput = z.object({ token: z.string().min(1).max(200) });

/** A new password set through a one-time reset link. */
export const ResetPasswordInput = z.object({ token: z.string().min(10).max(200), password: NewPassword });
