import "server-only";
import { retryAfterSeconds } from "@/lib/domain/api-tokens";
import { errorBody, ScimError, SCIM_MEDIA_TYPE } from "@/lib/domain/scim";
import { recordAudit } from "../audit";
import { serverEnv } from "../env";
import { ForbiddenError, NotFoundError, RuleError } from "../errors";
import { authenticateToken, countCall, type ApiCaller } from "../data/api-tokens";
import { clientIp, refusedFromAddress } from "../rate-limit";

// The one shape of a SCIM route handler (issue 20, docs/decisions/038), after the token API's
// (src/lib/server/api/handler.ts): a SCIM token in the bearer header, the same per-token rate limit
// and per-address limit on refused calls, one data-layer call, errors as SCIM Error bodies
// (RFC 7644 §3.12), and one audit row per call: method, path and status, never a body.

export interface ScimReply {
  status: number;
  body?: unknown;
  location?: string;
}

export interface ScimRequest<P> {
  params: P;
  query: URLSearchParams;
  body: unknown;
  /** The base of resource locations: the request's origin and /scim/v2. */
  base: string;
}

const bearer = (req: Request) => /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "")?.[1] ?? null;

export function scimResponse(status: number, body?: unknown, headers: Record<string, string> = {}): Response {
  if (body === undefined) return new Response(null, { status, headers });
  return new Response(JSON.stringify(body), { status, headers: { "content-type": SCIM_MEDIA_TYPE, ...headers } });
}

const scimError = (e: ScimError, headers: Record<string, string> = {}) => scimResponse(e.status, errorBody(e), headers);

export function scimRoute<P extends Record<string, string> = Record<string, never>>(
  run: (caller: ApiCaller, input: ScimRequest<P>) => Promise<ScimReply>,
) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    const url = new URL(req.url);
    const now = new Date();
    const ip = clientIp((n) => req.headers.get(n));
    const audit = (
      who: { organizationId: string | null; userId?: string | null; tokenId: string | null },
      status: number,
    ) =>
      recordAudit({
        organizationId: who.organizationId,
        actorUserId: who.userId ?? null,
        action: "scim.call",
        targetType: who.tokenId ? "ApiToken" : undefined,
        targetId: who.tokenId ?? undefined,
        outcome: status < 400 ? "ok" : status === 401 || status === 403 || status === 429 ? "denied" : "failed",
        ip,
        details: { method: req.method, path: url.pathname.slice(0, 500), status },
      }).catch((err: unknown) => console.error("[scim] could not record the call", err));

    const limit = serverEnv().apiFailureLimit;
    const refuse = async (who: { organizationId: string | null; tokenId: string | null }, detail: string) => {
      if (await refusedFromAddress("scim", ip, limit, () => audit(who, 401), now)) {
        const wait = retryAfterSeconds(now);
        return scimError(
          new ScimError(429, `Too many calls without a valid SCIM token from this address; try again in ${wait} s.`),
          { "retry-after": String(wait) },
        );
      }
      return scimError(new ScimError(401, detail), { "www-authenticate": 'Bearer realm="conduct-scim"' });
    };
    const secret = bearer(req);
    if (!secret)
      return refuse({ organizationId: null, tokenId: null }, "Send a SCIM token: Authorization: Bearer <token>.");
    const auth = await authenticateToken(secret, "SCIM", now);
    if (!auth.ok) return refuse({ organizationId: auth.organizationId, tokenId: auth.tokenId }, auth.detail);
    const caller = auth.caller;
    const who = { organizationId: caller.member.orgId, userId: caller.member.userId, tokenId: caller.tokenId };
    if (!(await countCall(caller.tokenId, serverEnv().apiRateLimit, now))) {
      await audit(who, 429);
      const wait = retryAfterSeconds(now);
      return scimError(new ScimError(429, `This token made too many calls; try again in ${wait} s.`, "tooMany"), {
        "retry-after": String(wait),
      });
    }
    const res = await handle(run, caller, req, url, context);
    await audit(who, res.status);
    return res;
  };
}

async function handle<P>(
  run: (caller: ApiCaller, input: ScimRequest<P>) => Promise<ScimReply>,
  caller: ApiCaller,
  req: Request,
  url: URL,
  context: { params: Promise<P> },
): Promise<Response> {
  let body: unknown = undefined;
  if (req.method === "POST" || req.method === "PUT" || req.method === "PATCH") {
    if (!/^application\/(scim\+)?json\b/i.test(req.headers.get("content-type") ?? ""))
      return scimError(new ScimError(415, `Send the body as ${SCIM_MEDIA_TYPE}.`));
    try {
      body = await req.json();
    } catch {
      return scimError(new ScimError(400, "The body is not valid JSON.", "invalidSyntax"));
    }
  }
  try {
    const out = await run(caller, {
      params: await context.params,
      query: url.searchParams,
      body,
      base: `${url.origin}/scim/v2`,
    });
    return scimResponse(out.status, out.body, out.location ? { location: out.location } : {});
  } catch (err) {
    if (err instanceof ScimError) return scimError(err);
    if (err instanceof NotFoundError) return scimError(new ScimError(404, "No such resource in your organisation."));
    if (err instanceof ForbiddenError) return scimError(new ScimError(403, err.message));
    if (err instanceof RuleError) return scimError(new ScimError(400, err.message, "invalidValue"));
    console.error("[scim] unexpected error", err);
    return scimError(new ScimError(500, "Something went wrong on our side; the change may not have been made."));
  }
}
