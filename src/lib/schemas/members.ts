import { z } from "./zod";
import { ROLES } from "@/lib/domain/roles";
import { OrganizationName } from "./auth";
import { id } from "./text";

export const RoleInput = z.enum(ROLES, { error: "Choose a role." });

export const InviteInput = z.object({
  role: RoleInput,
  email: z
    .string()
    .trim()
    .max(254, "That e-mail address is too long.")
    .optional()
    .transform((v) => (v ? v.toLowerCase() : undefined))
    .pipe(z.email("Enter a valid e-mail address, or leave it empty.").optional()),
});
export type InviteInput = z.infer<typeof InviteInput>;

const Id = id();

export const ChangeRoleInput = z.object({ membershipId: Id, role: RoleInput });
export const SetMemberStatusInput = z.object({ membershipId: Id, status: z.enum(["ACTIVE", "DISABLED"]) });
export const RevokeInvitationInput = z.object({ invitationId: Id });
/** Erasure of a disabled member (docs/decisions/037). */
export const EraseMemberInput = z.object({ membershipId: Id });
export const NewOrganizationInput = z.object({ organizationName: OrganizationName });
export const SwitchOrganizationInput = z.object({ organizationId: Id });
/** A checkbox: "on" when ticked, absent when not. */
export const OrganizationPolicyInput = z.object({
  leadersManageTeams: z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on"),
});

export interface MemberDto {
  membershipId: string;
  name: string;
  email: string;
  role: (typeof ROLES)[number];
  status: "ACTIVE" | "DISABLED" | "INVITED";
  /** Erased (docs/decisions/037): a stand-in, "Former member …", holds the membership. */
  erased: boolean;
  isYou: boolean;
  joinedAt: string;
}

export interface InvitationDto {
  id: string;
  role: (typeof ROLES)[number];
  email: string | null;
  createdAt: string;
  expiresAt: string;
  status: "pending" | "accepted" | "expired" | "revoked";
}

/** "Also e-mail it": the link is e-mailed to the person as well as shown to the admin. */
export const PasswordResetInput = z.object({
  membershipId: Id,
  email: z
    .enum(["on"])
    .optional()
    .transform((v) => v === "on"),
});

export interface InvitationImportRowDto {
  line: number;
  email: string;
  name: string;
  role: string;
  teamNames: string[];
  errors: string[];
}

export interface InvitationImportPreviewDto {
  fileError: string | null;
  rows: InvitationImportRowDto[];
  importable: number;
}

/** A bulk invitation's link, shown once to the admin who made it. */
export interface InvitationLinkDto {
  email: string;
  name: string;
  token: string;
}
