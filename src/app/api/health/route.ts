// Liveness for load balancers and the benchmark's framework baseline: no database access.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
