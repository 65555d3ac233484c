import "server-only";
import { z } from "@/lib/schemas/zod";
import { Problem } from "@/lib/schemas/api";
import { API_SCOPES, SCOPE_LABELS } from "@/lib/domain/api-tokens";
import { OPERATIONS, type Operation } from "./operations";

// The OpenAPI 3.1 document of the token API, made from OPERATIONS and the zod schemas with zod 4's
// own z.toJSONSchema (draft 2020-12, which OpenAPI 3.1 uses): requests as the schemas accept them,
// responses as the handlers write them.

type Json = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output"): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as Json;
  return rest;
}

const PROBLEM_REF = { $ref: "#/components/schemas/Problem" };
const DESCRIPTIONS: Record<number, string> = {
  200: "OK",
  201: "Created",
  400: "The request is malformed; `errors` names each bad field or parameter.",
  401: "No token, or an unknown, expired or revoked one (or its creator is no longer an active admin).",
  403: "The token lacks the scope, or its creator's role lacks the permission.",
  404: "No such record in the token's organisation.",
  409: "The idempotency key was already used for a different entry.",
  415: "The body is not application/json.",
  422: "A rule of the product was broken; `errors` names the fields.",
  429: "Too many calls from this token in this minute; see Retry-After.",
  500: "Server error.",
};

function operationObject(op: Operation): Json {
  const parameters: Json[] = [
    ...(op.pathParams ?? []).map((name) => ({ name, in: "path", required: true, schema: { type: "string" } })),
  ];
  if (op.query) {
    const q = schemaOf(op.query, "input") as { properties?: Record<string, Json>; required?: string[] };
    for (const [name, schema] of Object.entries(q.properties ?? {})) {
      const { description, ...rest } = schema as { description?: string };
      parameters.push({
        name,
        in: "query",
        required: q.required?.includes(name) && !("default" in rest) ? true : false,
        ...(description ? { description } : {}),
        schema: rest,
      });
    }
  }
  const responses: Json = {};
  for (const [status, schema] of Object.entries(op.responses))
    responses[status] = {
      description: DESCRIPTIONS[Number(status)] ?? "OK",
      content: { "application/json": { schema: schemaOf(schema, "output") } },
    };
  for (const status of [...op.errors, 401, 403, 429, 500])
    responses[status] = {
      description: DESCRIPTIONS[status],
      content: { "application/problem+json": { schema: PROBLEM_REF } },
      ...(status === 429
        ? { headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } } }
        : {}),
    };
  return {
    operationId: op.operationId,
    summary: op.summary,
    description: `Scope: \`${op.scope}\`.`,
    security: [{ bearer: [op.scope] }],
    ...(parameters.length ? { parameters } : {}),
    ...(op.body
      ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(op.body, "input") } } } }
      : {}),
    responses,
  };
}

let cached: Json | undefined;

export function openApiDocument(): Json {
  if (cached) return cached;
  const paths: Record<string, Json> = {};
  for (const op of Object.values(OPERATIONS) as Operation[])
    (paths[op.path] ??= {})[op.method.toLowerCase()] = operationObject(op);
  cached = {
    openapi: "3.1.0",
    info: {
      title: "Conduct API",
      version: "1",
      description:
        "An organisation's token API. Send `Authorization: Bearer <token>`; an admin makes tokens under Settings → API tokens. " +
        "Lists are cursor paged: pass a page's `nextCursor` as `cursor` for the next one. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: "/api/v1" }],
    paths,
    components: {
      schemas: { Problem: schemaOf(Problem, "output") },
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: `Scopes: ${API_SCOPES.map((s) => `${s} (${SCOPE_LABELS[s]})`).join(", ")}.`,
        },
      },
    },
  };
  return cached;
}
