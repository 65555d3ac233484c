"use client";
import { useState } from "react";
import { archiveTeamAction, deleteTeamAction, moveTeamAction, renameTeamAction } from "@/lib/actions/teams";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { Field, FormError } from "@/components/ui/field";
import { SelectField } from "@/components/ui/form-controls";

const Saved = ({ text }: { text: string }) => (
  <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
    {text}
  </p>
);

function RenameForm({ id, name }: { id: string; name: string }) {
  const [state, onSubmit, pending, feedback] = useFormAction(renameTeamAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label="Rename">
      <input type="hidden" name="id" value={id} />
      <div className="min-w-56 flex-1">
        <Field name="name" label="Name" defaultValue={name} maxLength={80} error={errors.name} required />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Rename"}
      </Button>
      <FormError {...feedback} />
      {state?.ok && <Saved text="Renamed." />}
    </form>
  );
}

function MoveForm({
  id,
  streamId,
  streams,
}: {
  id: string;
  streamId: string | null;
  streams: { id: string; name: string }[];
}) {
  const [state, onSubmit, pending, feedback] = useFormAction(moveTeamAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-end gap-2" aria-label="Value stream">
      <input type="hidden" name="id" value={id} />
      <div className="min-w-56 flex-1">
        <SelectField
          name="parentId"
          label="Value stream"
          options={streams}
          placeholder="None"
          defaultValue={streamId ?? ""}
          error={errors.parentId}
        />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Moving…" : "Move"}
      </Button>
      <FormError {...feedback} />
      {state?.ok && <Saved text="Moved." />}
    </form>
  );
}

function ArchiveForm({ id, archived, noun }: { id: string; archived: boolean; noun: string }) {
  const [, onSubmit, pending, feedback] = useFormAction(archiveTeamAction);
  return (
    <form onSubmit={onSubmit} className="space-y-1">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="archived" value={archived ? "false" : "true"} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {archived
          ? `This ${noun} is archived: its history stays, and nobody can log for it.`
          : `Archive a ${noun} that no longer works this way: its history stays on every page, and it is no longer offered on the Log pad.`}
      </p>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : archived ? `Bring the ${noun} back` : `Archive ${noun}`}
      </Button>
      <FormError {...feedback} />
    </form>
  );
}

function DeleteForm({ id, noun }: { id: string; noun: string }) {
  const [asking, setAsking] = useState(false);
  const [, onSubmit, pending, feedback] = useFormAction(deleteTeamAction);
  if (!asking)
    return (
      <Button type="button" variant="danger" onClick={() => setAsking(true)}>
        Delete {noun}
      </Button>
    );
  return (
    <form
      onSubmit={onSubmit}
      className="space-y-2 rounded-md border border-red-300 p-3 dark:border-red-800"
      role="group"
      aria-label={`Delete this ${noun}?`}
    >
      <input type="hidden" name="id" value={id} />
      <p className="text-sm">Delete this {noun}? Only an empty one can be deleted; this cannot be undone.</p>
      <div className="flex gap-2">
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Deleting…" : `Yes, delete ${noun}`}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setAsking(false)}>
          Keep it
        </Button>
      </div>
      <FormError {...feedback} />
    </form>
  );
}

/** What an admin changes about a team or value stream: its name, value stream, archive, deletion. */
export function TeamSettings({
  team,
  streams,
}: {
  team: { id: string; name: string; kind: "TEAM" | "VALUE_STREAM"; archived: boolean; valueStreamId: string | null };
  streams: { id: string; name: string }[];
}) {
  const noun = team.kind === "TEAM" ? "team" : "value stream";
  return (
    <div className="space-y-4">
      <RenameForm id={team.id} name={team.name} />
      {team.kind === "TEAM" && <MoveForm id={team.id} streamId={team.valueStreamId} streams={streams} />}
      <ArchiveForm id={team.id} archived={team.archived} noun={noun} />
      <DeleteForm id={team.id} noun={noun} />
    </div>
  );
}
