"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import {
  ArchiveTeamInput,
  MoveTeamInput,
  ObservationTargetInput,
  RenameTeamInput,
  TeamIdInput,
  TeamInput,
  TeamMemberInput,
} from "@/lib/schemas/teams";
import { formAction } from "@/lib/server/action";
import {
  addTeamMember,
  createTeam,
  deleteTeam,
  moveTeam,
  removeTeamMember,
  renameTeam,
  setObservationTarget,
  setTeamArchived,
} from "@/lib/server/data/team-admin";

const revalidateTeams = () => revalidatePath("/teams", "layout");

export const createTeamAction = formAction({
  schema: TeamInput,
  permission: "teams.manage",
  run: async (ctx, input) => ({ id: await createTeam(ctx, input), kind: input.kind }),
  after: revalidateTeams,
});

export const renameTeamAction = formAction({
  schema: RenameTeamInput,
  permission: "teams.manage",
  run: (ctx, { id, name }) => renameTeam(ctx, id, name),
  after: revalidateTeams,
});

export const moveTeamAction = formAction({
  schema: MoveTeamInput,
  permission: "teams.manage",
  run: (ctx, { id, parentId }) => moveTeam(ctx, id, parentId),
  after: revalidateTeams,
});

export const archiveTeamAction = formAction({
  schema: ArchiveTeamInput,
  permission: "teams.manage",
  invalid: { formError: "Choose a team." },
  run: (ctx, { id, archived }) => setTeamArchived(ctx, id, archived),
  after: revalidateTeams,
});

export const deleteTeamAction = formAction({
  schema: TeamIdInput,
  permission: "teams.manage",
  invalid: { formError: "Choose a team." },
  run: (ctx, { id }) => deleteTeam(ctx, id),
  after: () => {
    revalidateTeams();
    redirect("/teams?deleted=1");
  },
});

export const setObservationTargetAction = formAction({
  schema: ObservationTargetInput,
  permission: "teams.manage",
  run: (ctx, { id, target }) => setObservationTarget(ctx, id, target),
  after: revalidateTeams,
});

/** Admins, or a manager of the team: the data layer decides which. */
export const addTeamMemberAction = formAction({
  schema: TeamMemberInput,
  permission: null,
  run: (ctx, { teamId, membershipId }) => addTeamMember(ctx, teamId, membershipId),
  after: (_, { teamId }) => revalidatePath(`/teams/${teamId}`),
});

export const removeTeamMemberAction = formAction({
  schema: TeamMemberInput,
  permission: null,
  invalid: { formError: "Choose a person." },
  notFound: "That person is no longer in this team.",
  run: (ctx, { teamId, membershipId }) => removeTeamMember(ctx, teamId, membershipId),
  after: (_, { teamId }) => revalidatePath(`/teams/${teamId}`),
});
