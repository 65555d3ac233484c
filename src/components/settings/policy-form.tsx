"use client";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { setOrganizationPolicyAction } from "@/lib/actions/members";

export function PolicyForm({ leadersManageTeams }: { leadersManageTeams: boolean }) {
  const [state, onSubmit, pending, feedback] = useFormAction(setOrganizationPolicyAction);
  return (
    <form onSubmit={onSubmit} className="space-y-3">
      <label className="flex items-start gap-2 text-sm">
        <input
          type="checkbox"
          name="leadersManageTeams"
          defaultChecked={leadersManageTeams}
          className="mt-1 size-4"
          aria-describedby="policy-teams-hint"
        />
        <span>
          Leaders may create, rename, move, archive and delete teams and value streams, and change anyone&apos;s team
        </span>
      </label>
      <p id="policy-teams-hint" className="text-xs text-slate-600 dark:text-slate-400">
        Otherwise only admins can; a team&apos;s own managers can always add and remove its people.
      </p>
      <FormError {...feedback} />
      <div className="flex items-center gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>
          Save setting
        </Button>
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {state?.ok ? "Setting saved." : null}
        </p>
      </div>
    </form>
  );
}
