import "server-only";
import { z } from "@/lib/schemas/zod";
import { retryAfterSeconds } from "@/lib/domain/api-tokens";
import { recordAudit } from "../audit";
import { serverEnv } from "../env";
import { FieldRuleErrors, ForbiddenError, NotFoundError, RuleError } from "../errors";
import { authenticateToken, countCall, type ApiCaller } from "../data/api-tokens";
import { clientIp, refusedFromAddress } from "../rate-limit";
import { pointerOf, problem, zodIssues } from "./problem";

// The one shape of a token API route handler (issue 20, docs/decisions/031): authenticate the bearer
// token, count the call against the token's rate limit, parse the query and body with the zod
// schemas the OpenAPI document is made from, call one data-layer function (which checks the scope
// and the permission), and map errors to problem+json by class. Every call, refused or not, leaves
// one audit row: method, path and status, never a body.

export interface ApiReply {
  status: number;
  body: unknown;
  /** An error answer the operation chose itself (e.g. an idempotency conflict). */
  problem?: Response;
}

interface RouteSpec<P, Q extends z.ZodType, B extends z.ZodType> {
  query?: Q;
  body?: B;
  /** Maps a FieldRuleErrors path (entry index first) to the body's pointer. */
  issuePath?: (path: readonly (string | number)[]) => readonly (string | number)[];
  run: (caller: ApiCaller, input: { params: P; query: z.output<Q>; body: z.output<B> }) => Promise<ApiReply>;
}

const NO_INPUT = z.object({});
export type NoInput = typeof NO_INPUT;

const bearer = (req: Request) => /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "")?.[1] ?? null;

export function apiRoute<
  P extends Record<string, string>,
  Q extends z.ZodType = typeof NO_INPUT,
  B extends z.ZodType = typeof NO_INPUT,
>(spec: RouteSpec<P, Q, B>) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    const path = new URL(req.url).pathname;
    const now = new Date();
    const ip = clientIp((n) => req.headers.get(n));
    const audit = (
      who: { organizationId: string | null; userId?: string | null; tokenId: string | null },
      status: number,
    ) =>
      recordAudit({
        organizationId: who.organizationId,
        actorUserId: who.userId ?? null,
        action: "api.call",
        targetType: who.tokenId ? "ApiToken" : undefined,
        targetId: who.tokenId ?? undefined,
        outcome: status < 400 ? "ok" : status === 401 || status === 403 || status === 429 ? "denied" : "failed",
        ip,
        details: { method: req.method, path: path.slice(0, 500), status },
      }).catch((err: unknown) => console.error("[api] could not record the call", err));

    const limit = serverEnv().apiFailureLimit;
    // An address that keeps sending no or bad tokens gets 429 for the rest of the minute, with no
    // audit row per refused call to fill the trail. A valid token is never held by its address (a
    // shared address's bad caller cannot lock out another's integration): it has its own limit.
    const refuse = async (
      who: { organizationId: string | null; tokenId: string | null },
      detail: string,
      invalid: boolean,
    ) => {
      if (await refusedFromAddress("api", ip, limit, () => audit(who, 401), now)) return tooManyRefusals(now);
      return problem(401, detail, {
        headers: { "www-authenticate": `Bearer realm="conduct"${invalid ? ', error="invalid_token"' : ""}` },
      });
    };
    const secret = bearer(req);
    if (!secret)
      return refuse(
        { organizationId: null, tokenId: null },
        "Send an API token: Authorization: Bearer <token>.",
        false,
      );
    const auth = await authenticateToken(secret, "API");
    if (!auth.ok) return refuse({ organizationId: auth.organizationId, tokenId: auth.tokenId }, auth.detail, true);
    const caller = auth.caller;
    const who = { organizationId: caller.member.orgId, userId: caller.member.userId, tokenId: caller.tokenId };
    if (!(await countCall(caller.tokenId, serverEnv().apiRateLimit, now))) {
      await audit(who, 429);
      const wait = retryAfterSeconds(now);
      return problem(429, `This token made too many calls; try again in ${wait} s.`, {
        headers: { "retry-after": String(wait) },
      });
    }
    const reply = await handle(spec, caller, req, context);
    await audit(who, reply.status);
    return reply;
  };
}

function tooManyRefusals(now: Date): Response {
  const wait = retryAfterSeconds(now);
  return problem(429, `Too many calls without a valid token from this address; try again in ${wait} s.`, {
    headers: { "retry-after": String(wait) },
  });
}

async function handle<P, Q extends z.ZodType, B extends z.ZodType>(
  spec: RouteSpec<P, Q, B>,
  caller: ApiCaller,
  req: Request,
  context: { params: Promise<P> },
): Promise<Response> {
  const url = new URL(req.url);
  const query = (spec.query ?? NO_INPUT).safeParse(Object.fromEntries(url.searchParams));
  if (!query.success)
    return problem(400, "Some query parameters are not valid.", { errors: zodIssues(query.error, "query") });
  let raw: unknown = {};
  if (spec.body) {
    if (!/^application\/([\w.+-]+\+)?json\b/i.test(req.headers.get("content-type") ?? ""))
      return problem(415, "Send the body as application/json.");
    try {
      raw = await req.json();
    } catch {
      return problem(400, "The body is not valid JSON.");
    }
  }
  const body = (spec.body ?? NO_INPUT).safeParse(raw);
  if (!body.success) return problem(400, "Some fields are not valid.", { errors: zodIssues(body.error, "body") });
  try {
    const out = await spec.run(caller, {
      params: await context.params,
      query: query.data as z.output<Q>,
      body: body.data as z.output<B>,
    });
    return out.problem ?? Response.json(out.body, { status: out.status });
  } catch (err) {
    return failure(err, spec, Object.keys(Object.fromEntries(url.searchParams)));
  }
}

function failure(
  err: unknown,
  spec: { issuePath?: RouteSpec<never, never, never>["issuePath"] },
  queryKeys: string[],
): Response {
  if (err instanceof NotFoundError) return problem(404, "No such record in your organisation.");
  if (err instanceof ForbiddenError) return problem(403, err.message);
  if (err instanceof FieldRuleErrors)
    return problem(422, "Some entries break the rules.", {
      errors: err.issues.map((i) => ({ detail: i.message, pointer: pointerOf(spec.issuePath?.(i.path) ?? i.path) })),
    });
  if (err instanceof RuleError) {
    const at = err.field
      ? queryKeys.includes(err.field) || err.field === "cursor"
        ? { parameter: err.field }
        : { pointer: pointerOf([err.field]) }
      : {};
    return problem(
      err.field === "cursor" ? 400 : 422,
      err.message,
      err.field ? { errors: [{ detail: err.message, ...at }] } : {},
    );
  }
  console.error("[api] unexpected error", err);
  return problem(
    500,
    "Something went wrong on our side. Nothing may have been saved; retrying with the same idempotency keys is safe.",
  );
}
