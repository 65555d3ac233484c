"use client";
import { addTeamMemberAction, removeTeamMemberAction } from "@/lib/actions/teams";
import type { TeamPeopleDto } from "@/lib/schemas/teams";
import { ROLE_LABELS, type Role } from "@/lib/domain/roles";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";
import { TextLink } from "@/components/ui/text-link";

function RemoveButton({ teamId, membershipId, name }: { teamId: string; membershipId: string; name: string }) {
  const [, onSubmit, pending, feedback] = useFormAction(removeTeamMemberAction);
  return (
    <form onSubmit={onSubmit} className="inline">
      <input type="hidden" name="teamId" value={teamId} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <Button type="submit" variant="ghost" disabled={pending} aria-label={`Remove ${name} from the team`}>
        {pending ? "Removing…" : "Remove"}
      </Button>
      <FormError {...feedback} />
    </form>
  );
}

function AddMemberForm({ teamId, candidates }: { teamId: string; candidates: TeamPeopleDto["candidates"] }) {
  const [state, onSubmit, pending, feedback] = useFormAction(addTeamMemberAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  if (candidates.length === 0)
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Everyone in your organisation is in this team. <TextLink href="/settings">Invite more people</TextLink> to add
        them.
      </p>
    );
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label="Add a person">
      <input type="hidden" name="teamId" value={teamId} />
      <div className="min-w-56 flex-1">
        <SelectField
          name="membershipId"
          label="Add a person"
          options={candidates}
          placeholder="Choose a person…"
          defaultValue=""
          error={errors.membershipId}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add to team"}
      </Button>
      <FormError {...feedback} />
    </form>
  );
}

/** The team's people; admins and the team's managers add and remove them. */
export function TeamMembers({ teamId, people }: { teamId: string; people: TeamPeopleDto }) {
  return (
    <div className="space-y-3">
      {people.members.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Nobody is in this team yet, so nobody can log observations for it.
          {people.canManageMembers ? " Add the people who work in it." : " Ask an admin to add its people."}
        </p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white text-sm dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
          {people.members.map((m) => (
            <li key={m.membershipId} className="flex items-center justify-between gap-2 px-3 py-1.5">
              <span>
                {m.name}{" "}
                <span className="text-xs text-slate-500 dark:text-slate-400">
                  {ROLE_LABELS[m.role as Role] ?? m.role}
                </span>
              </span>
              {people.canManageMembers && <RemoveButton teamId={teamId} membershipId={m.membershipId} name={m.name} />}
            </li>
          ))}
        </ul>
      )}
      {people.canManageMembers && <AddMemberForm teamId={teamId} candidates={people.candidates} />}
    </div>
  );
}
