"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { TrashInput } from "@/lib/schemas/trash";
import { formAction } from "@/lib/server/action";
import { restoreDeleted, softDelete } from "@/lib/server/data/trash";

const LIST = { behaviour: "/catalogue", barrier: "/barriers", metric: "/metrics" } as const;

/** Soft delete; the data layer checks the permission for the kind of record. */
export const deleteAction = formAction({
  schema: TrashInput,
  permission: null,
  invalid: { formError: "That item cannot be deleted." },
  run: (ctx, { type, id }) => softDelete(ctx, type, id),
  after: (_, { type }) => {
    revalidatePath(LIST[type], "layout");
    redirect(`${LIST[type]}?deleted=1`);
  },
});

export const restoreAction = formAction({
  schema: TrashInput,
  permission: "members.manage",
  invalid: { formError: "That item cannot be restored." },
  run: (ctx, { type, id }) => restoreDeleted(ctx, type, id),
  after: () => revalidatePath("/", "layout"),
});
