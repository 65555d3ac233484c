import { Badge } from "@/components/ui/badge";
import type { DeliveryStatus } from "@/lib/schemas/webhooks";

const TONE = { PENDING: "amber", DELIVERED: "green", FAILED: "red" } as const;
const LABEL = { PENDING: "Pending", DELIVERED: "Delivered", FAILED: "Failed" } as const;

export function DeliveryBadge({ status }: { status: DeliveryStatus }) {
  return <Badge tone={TONE[status]}>{LABEL[status]}</Badge>;
}
