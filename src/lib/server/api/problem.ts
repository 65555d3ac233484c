import "server-only";
import type { z } from "@/lib/schemas/zod";

// RFC 9457 problem details: every error the token API answers has this shape, with each bad field
// as a JSON pointer into the body or as the query parameter's name.

export interface FieldIssue {
  detail: string;
  pointer?: string;
  parameter?: string;
}

const TITLES: Record<number, string> = {
  400: "Invalid request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not found",
  409: "Conflict",
  415: "Unsupported media type",
  422: "Unprocessable content",
  429: "Too many requests",
  500: "Internal server error",
};

const TYPES: Record<number, string> = {
  400: "invalid-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  409: "idempotency-conflict",
  415: "unsupported-media-type",
  422: "rule-broken",
  429: "rate-limited",
  500: "server-error",
};

export function problem(
  status: number,
  detail: string,
  extra: { errors?: FieldIssue[]; headers?: Record<string, string> } = {},
): Response {
  const body = {
    type: `urn:conduct:problem:${TYPES[status] ?? "error"}`,
    title: TITLES[status] ?? "Error",
    status,
    detail,
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/problem+json", ...extra.headers },
  });
}

/** A JSON pointer (RFC 6901) to a path of the body. */
export const pointerOf = (path: readonly PropertyKey[]) =>
  "/" + path.map((p) => String(p).replaceAll("~", "~0").replaceAll("/", "~1")).join("/");

export function zodIssues(error: z.ZodError, where: "body" | "query"): FieldIssue[] {
  return error.issues.map((i) =>
    where === "query"
      ? { detail: i.message, parameter: String(i.path[0] ?? "") }
      : { detail: i.message, pointer: pointerOf(i.path) },
  );
}
