// DTOs of the read-only lists the foundation shows (observations; metrics live in ./metrics).

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
