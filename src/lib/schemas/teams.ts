import { z } from "./zod";
import { id, text } from "./text";
import { MAX_TARGET } from "@/lib/domain/participation";

const Name = text("Name", 2, 80);
const Id = id();
/** A value stream chosen in a form, or "" for none. */
const StreamId = z.union([z.literal(""), id("Choose a value stream.")]).transform((v) => v || null);

export const TEAM_KINDS = ["TEAM", "VALUE_STREAM"] as const;

export const TeamInput = z.object({
  name: Name,
  kind: z.enum(TEAM_KINDS, { error: "Choose a team or a value stream." }),
  parentId: StreamId.prefault(""),
});
export type TeamInput = z.infer<typeof TeamInput>;

export const RenameTeamInput = z.object({ id: Id, name: Name });
export const MoveTeamInput = z.object({ id: Id, parentId: StreamId });
export const ArchiveTeamInput = z.object({
  id: Id,
  archived: z.enum(["true", "false"]).transform((v) => v === "true"),
});
export const TeamIdInput = z.object({ id: Id });
const TARGET_MESSAGE = `Enter a whole number of observations a week from 1 to ${MAX_TARGET}, or leave it empty for none.`;
/** A team's weekly observation target: a whole number, or "" for none. */
export const ObservationTargetInput = z.object({
  id: Id,
  target: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? null : v),
    z.coerce
      .number({ error: TARGET_MESSAGE })
      .int(TARGET_MESSAGE)
      .min(1, TARGET_MESSAGE)
      .max(MAX_TARGET, TARGET_MESSAGE)
      .nullable(),
  ),
});
export const TeamMemberInput = z.object({ teamId: Id, membershipId: id("Choose a person.") });

export interface TeamRowDto {
  id: string;
  name: string;
  archived: boolean;
  memberCount: number;
}

export interface ValueStreamDto extends TeamRowDto {
  teams: TeamRowDto[];
}

/** The organisation's structure: value streams with their teams, and teams in no value stream. */
export interface TeamStructureDto {
  streams: ValueStreamDto[];
  unassigned: TeamRowDto[];
}

export interface TeamMemberDto {
  membershipId: string;
  name: string;
  role: string;
}

/** A team's people and what the caller may change about it. */
export interface TeamPeopleDto {
  members: TeamMemberDto[];
  /** Active members not in the team, offered when the caller may add people. */
  candidates: { id: string; name: string }[];
  canManageMembers: boolean;
  canManageTeam: boolean;
}
