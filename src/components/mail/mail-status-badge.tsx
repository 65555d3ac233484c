import { Badge, type Tone } from "@/components/ui/badge";

const STATUS: Record<"QUEUED" | "SENT" | "FAILED" | "OUTBOX", { label: string; tone: Tone }> = {
  QUEUED: { label: "Queued", tone: "amber" },
  SENT: { label: "Sent", tone: "green" },
  FAILED: { label: "Failed", tone: "red" },
  OUTBOX: { label: "Kept in outbox", tone: "slate" },
};

export function MailStatusBadge({ status }: { status: keyof typeof STATUS }) {
  return <Badge tone={STATUS[status].tone}>{STATUS[status].label}</Badge>;
}
