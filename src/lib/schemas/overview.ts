// DTOs of the read-only lists the foundation shows (observations, metrics).

export interface ObservationRowDto {
  id: string;
  occurredAt: string;
  behaviourTitle: string;
  teamName: string;
  observerName: string | null; // null when anonymous
  performed: number;
  missed: number;
  note: string;
}

export interface MetricRowDto {
  id: string;
  name: string;
  unit: string;
  kind: "CUSTOMER_OUTCOME" | "INTERNAL_PROCESS";
  timing: "LEADING" | "LAGGING";
  direction: "UP" | "DOWN";
  ownerName: string | null;
  target: string | null;
  latest: { date: string; value: number } | null;
}
