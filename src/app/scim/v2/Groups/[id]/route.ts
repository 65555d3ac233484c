// SCIM 2.0 (issue 20, docs/decisions/038): the handlers are defined once in src/lib/server/scim/routes.ts.
import { SCIM_HANDLERS as H } from "@/lib/server/scim/routes";

export const dynamic = "force-dynamic";

export const GET = H.getGroup;
export const PUT = H.replaceGroup;
export const PATCH = H.patchGroup;
export const DELETE = H.deleteGroup;
