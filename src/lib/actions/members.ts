"use server";
import { revalidatePath } from "next/cache";
import {
  ChangeRoleInput,
  EraseMemberInput,
  InviteInput,
  OrganizationPolicyInput,
  RevokeInvitationInput,
  SetMemberStatusInput,
} from "@/lib/schemas/members";
import { setLeadersManageTeams, setOrganizationCalendar } from "@/lib/server/data/organization-settings";
import { OrganizationCalendarInput } from "@/lib/schemas/calendar";
import { formAction } from "@/lib/server/action";
import { changeRole, createInvitation, revokeInvitation, setMemberStatus } from "@/lib/server/data/members";
import { eraseMember } from "@/lib/server/data/erasure";
import { commitInvitationImport, previewInvitationImport } from "@/lib/server/data/invitation-import";
import { ImportInput } from "@/lib/schemas/transfer";

const revalidateSettings = () => revalidatePath("/settings");

export const inviteAction = formAction({
  schema: InviteInput,
  permission: "members.manage",
  run: (ctx, input) => createInvitation(ctx, input),
  after: revalidateSettings,
});

export const changeRoleAction = formAction({
  schema: ChangeRoleInput,
  permission: "members.manage",
  run: (ctx, { membershipId, role }) => changeRole(ctx, membershipId, role),
  after: revalidateSettings,
});

export const setMemberStatusAction = formAction({
  schema: SetMemberStatusInput,
  permission: "members.manage",
  invalid: { formError: "Choose a member and a status." },
  run: (ctx, { membershipId, status }) => setMemberStatus(ctx, membershipId, status),
  after: revalidateSettings,
});

/** A disabled member's name and e-mail leave the organisation for good (docs/decisions/037). */
export const eraseMemberAction = formAction({
  schema: EraseMemberInput,
  permission: "members.manage",
  invalid: { formError: "Choose a member." },
  run: (ctx, { membershipId }) => eraseMember(ctx, membershipId),
  after: revalidateSettings,
});

export const revokeInvitationAction = formAction({
  schema: RevokeInvitationInput,
  permission: "members.manage",
  invalid: { formError: "Choose an invitation." },
  run: (ctx, { invitationId }) => revokeInvitation(ctx, invitationId),
  after: revalidateSettings,
});

export const previewInvitationImportAction = formAction({
  schema: ImportInput,
  permission: "members.manage",
  run: (ctx, { content }) => previewInvitationImport(ctx, content),
});

/** All or none; the links come back once, for the admin to hand out. */
export const commitInvitationImportAction = formAction({
  schema: ImportInput,
  permission: "members.manage",
  run: (ctx, { content }) => commitInvitationImport(ctx, content),
  after: revalidateSettings,
});

/** Whether leaders, as well as admins, may create and change teams and value streams. */
export const setOrganizationPolicyAction = formAction({
  schema: OrganizationPolicyInput,
  permission: "members.manage",
  run: (ctx, { leadersManageTeams }) => setLeadersManageTeams(ctx, leadersManageTeams),
  after: () => revalidatePath("/", "layout"),
});

/** Where the organisation's days and weeks begin (docs/decisions/021); a large organisation's new zone is applied by a job (027). */
export const setOrganizationCalendarAction = formAction({
  schema: OrganizationCalendarInput,
  permission: "members.manage",
  run: (ctx, input) => setOrganizationCalendar(ctx, input),
  after: () => revalidatePath("/", "layout"),
});
