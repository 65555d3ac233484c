import { Badge, type Tone } from "@/components/ui/badge";
import { STATUS_LABELS, type BehaviourStatus } from "@/lib/schemas/catalogue";

const TONE: Record<BehaviourStatus, Tone> = { DRAFT: "slate", IN_REVIEW: "amber", ACTIVE: "green", RETIRED: "red" };

export function StatusBadge({ status }: { status: BehaviourStatus }) {
  return <Badge tone={TONE[status]}>{STATUS_LABELS[status]}</Badge>;
}
