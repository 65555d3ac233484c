"use server";
import { revalidatePath } from "next/cache";
import { ApiTokenIdInput, ApiTokenInput, ScimTokenInput } from "@/lib/schemas/api";
import { formObjectWithLists } from "@/lib/schemas/action-result";
import { formAction } from "@/lib/server/action";
import { createApiToken, createScimToken, revokeApiToken, revokeScimToken } from "@/lib/server/data/api-tokens";

const revalidate = () => revalidatePath("/settings/api-tokens");

/** Returns the token's secret, shown once. */
export const createApiTokenAction = formAction({
  schema: ApiTokenInput,
  permission: "apiTokens.manage",
  read: (form) => formObjectWithLists(form, ["scopes"]),
  run: (ctx, input) => createApiToken(ctx, input),
  after: revalidate,
});

export const revokeApiTokenAction = formAction({
  schema: ApiTokenIdInput,
  permission: "apiTokens.manage",
  invalid: { formError: "Choose a token." },
  run: (ctx, { id }) => revokeApiToken(ctx, id),
  after: revalidate,
});

const revalidateScim = () => revalidatePath("/settings/scim");

/** Returns the SCIM token's secret, shown once. */
export const createScimTokenAction = formAction({
  schema: ScimTokenInput,
  permission: "scim.manage",
  run: (ctx, input) => createScimToken(ctx, input),
  after: revalidateScim,
});

export const revokeScimTokenAction = formAction({
  schema: ApiTokenIdInput,
  permission: "scim.manage",
  invalid: { formError: "Choose a token." },
  run: (ctx, { id }) => revokeScimToken(ctx, id),
  after: revalidateScim,
});
