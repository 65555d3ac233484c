// The token API (issue 20, docs/decisions/031): the handler is defined once in src/lib/server/api/operations.ts.
import { HANDLERS } from "@/lib/server/api/operations";

export const dynamic = "force-dynamic";

export const POST = HANDLERS.logObservationBatch;
