import { z } from "./zod";
import { PASSWORD_MAX } from "@/lib/domain/accounts";
import { Email, NewPassword, PersonName } from "./auth";

// The current password is never validated beyond presence and a ceiling: the check is the hash.
const CurrentPassword = z
  .string({ error: "Enter your current password." })
  .min(1, "Enter your current password.")
  .max(PASSWORD_MAX);

export const ProfileNameInput = z.object({ name: PersonName });

export const ChangeEmailInput = z.object({ email: Email, currentPassword: CurrentPassword });
export type ChangeEmailInput = z.infer<typeof ChangeEmailInput>;

export const ChangePasswordInput = z
  .object({ currentPassword: CurrentPassword, password: NewPassword, confirm: z.string().max(PASSWORD_MAX) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The two new passwords differ." })
  .refine((v) => v.password !== v.currentPassword, {
    path: ["password"],
    message: "Choose a password different from your current one.",
  });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/** The signed-in person's own account, as their profile page shows it. */
export interface ProfileDto {
  name: string;
  email: string;
  memberSince: string;
  /** The zone the person chose for display; null: the organisation's. */
  timeZone: string | null;
  /** Other browsers where this account is signed in now (this one not counted). */
  otherSessions: number;
  organizations: { id: string; name: string; role: string; current: boolean }[];
}
