"use client";
import { setMetricBehavioursAction } from "@/lib/actions/metrics";
import { useFormAction } from "@/components/ui/use-form-action";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/field";
import { CheckboxGroup } from "@/components/ui/choice-group";

/** The hypothesis behind a metric: "if teams do these behaviours, this figure moves". */
export function MetricBehavioursForm({
  metricId,
  options,
  selected,
}: {
  metricId: string;
  options: { id: string; name: string }[];
  selected: string[];
}) {
  const [state, onSubmit, pending, feedback] = useFormAction(setMetricBehavioursAction);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      <input type="hidden" name="metricId" value={metricId} />
      <CheckboxGroup
        name="behaviourIds"
        legend="Behaviours meant to move this metric"
        options={options}
        selected={selected}
        error={errors.behaviourIds}
        hint="If teams do these, this figure should change. The dashboards compare their adoption with it over time."
      />
      <FormError {...feedback} />
      {state?.ok && (
        <p role="status" className="text-sm text-emerald-800 dark:text-emerald-300">
          Linked behaviours saved.
        </p>
      )}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save linked behaviours"}
      </Button>
    </form>
  );
}
