"use server";
import { revalidatePath } from "next/cache";
import { z } from "@/lib/schemas/zod";
import { ChangeEmailInput, ChangePasswordInput, ProfileNameInput } from "@/lib/schemas/profile";
import { signedInFormAction } from "@/lib/server/action";
import { currentSessionId } from "@/lib/server/auth";
import { requestIp } from "@/lib/server/request-ip";
import { revokeSessions } from "@/lib/server/data/accounts";
import { changeEmail, changePassword, endOtherSessions, renameSelf, setOwnTimeZone } from "@/lib/server/data/profile";
import { PersonalTimeZoneInput } from "@/lib/schemas/calendar";

// Every action here acts on the caller's own account only: the user id comes from the session.

const refreshShell = () => revalidatePath("/", "layout");

export const updateProfileNameAction = signedInFormAction({
  schema: ProfileNameInput,
  run: async (user, { name }) => renameSelf(user.id, name, await requestIp()),
  after: refreshShell,
});

/** The zone the caller reads times in; empty: their organisation's. */
export const setOwnTimeZoneAction = signedInFormAction({
  schema: PersonalTimeZoneInput,
  run: async (user, { timeZone }) => setOwnTimeZone(user.id, timeZone, await requestIp()),
  after: refreshShell,
});

export const changeEmailAction = signedInFormAction({
  schema: ChangeEmailInput,
  run: async (user, input) => changeEmail(user.id, input, await requestIp()),
  after: refreshShell,
});

export const changePasswordAction = signedInFormAction({
  schema: ChangePasswordInput,
  run: async (user, input) => changePassword(user.id, await currentSessionId(), input, await requestIp()),
  after: () => revalidatePath("/profile"),
});

export const endOtherSessionsAction = signedInFormAction({
  schema: z.object({}),
  run: async (user) => ({ ended: await endOtherSessions(user.id, await currentSessionId()) }),
  after: () => revalidatePath("/profile"),
});

/** Every browser, this one included: the page then goes to sign-in. */
export const signOutEverywhereAction = signedInFormAction({
  schema: z.object({}),
  run: (user) => revokeSessions(user.id),
});
