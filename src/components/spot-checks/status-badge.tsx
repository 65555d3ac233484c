import { STATUS_LABELS, type SpotCheckStatus } from "@/lib/domain/spot-checks";
import { Badge, type Tone } from "@/components/ui/badge";

const TONE: Record<SpotCheckStatus, Tone> = { upcoming: "blue", running: "green", ended: "slate", cancelled: "red" };

export function SpotCheckStatusBadge({ status }: { status: SpotCheckStatus }) {
  return <Badge tone={TONE[status]}>{STATUS_LABELS[status]}</Badge>;
}
