"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ImportInput } from "@/lib/schemas/transfer";
import { formAction } from "@/lib/server/action";
import { commitCatalogueImport, previewCatalogueImport } from "@/lib/server/data/catalogue-transfer";

export const previewImportAction = formAction({
  schema: ImportInput,
  permission: "catalogue.edit",
  run: (ctx, { content }) => previewCatalogueImport(ctx, content),
});

export const commitImportAction = formAction({
  schema: ImportInput,
  permission: "catalogue.edit",
  run: (ctx, { content }) => commitCatalogueImport(ctx, content),
  after: () => {
    revalidatePath("/catalogue");
    redirect("/catalogue?status=DRAFT");
  },
});
