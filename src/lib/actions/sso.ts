"use server";
import { revalidatePath } from "next/cache";
import { SsoConnectionInput, SsoEmptyInput } from "@/lib/schemas/sso";
import { formAction } from "@/lib/server/action";
import { deleteSsoConnection, saveSsoConnection, testSsoConnection } from "@/lib/server/data/sso";

const revalidate = () => revalidatePath("/settings/sso");

export const saveSsoConnectionAction = formAction({
  schema: SsoConnectionInput,
  permission: "sso.manage",
  run: (ctx, input) => saveSsoConnection(ctx, input),
  after: revalidate,
});

/** Discovery against the saved settings: the provider's issuer and authorization endpoint, or why not. */
export const testSsoConnectionAction = formAction({
  schema: SsoEmptyInput,
  permission: "sso.manage",
  run: (ctx) => testSsoConnection(ctx),
});

export const deleteSsoConnectionAction = formAction({
  schema: SsoEmptyInput,
  permission: "sso.manage",
  run: (ctx) => deleteSsoConnection(ctx),
  after: revalidate,
});
