import { exportOrganisation } from "@/lib/server/data/backup-export";
import type { OrganisationBackup } from "@/lib/domain/backup";
import type { MemberContext } from "@/lib/server/data/accounts";
import { readText } from "./read-text";

/** The backup an admin downloads, read back as the document it is. */
export async function exportedBackup(ctx: MemberContext, now?: Date): Promise<OrganisationBackup> {
  return JSON.parse(await readText(exportOrganisation(ctx, now))) as OrganisationBackup;
}
