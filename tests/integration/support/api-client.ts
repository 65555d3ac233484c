// Drives the token API's real route handlers with real Requests, and checks every response against
// the OpenAPI document the app serves (/api/v1/openapi.json): status listed for the operation,
// content type, and body valid under the listed schema (ajv, JSON Schema 2020-12, with formats).
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import type { ValidateFunction } from "ajv";
import { GET as openapiJson } from "@/app/api/v1/openapi.json/route";
import * as observations from "@/app/api/v1/observations/route";
import * as batch from "@/app/api/v1/observations/batch/route";
import * as behaviours from "@/app/api/v1/behaviours/route";
import * as teams from "@/app/api/v1/teams/route";
import * as metrics from "@/app/api/v1/metrics/route";
import * as readings from "@/app/api/v1/metrics/[metricId]/readings/route";
import * as adoption from "@/app/api/v1/adoption/route";
import * as tabulation from "@/app/api/v1/surveys/[surveyId]/tabulation/route";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: object }> }> }>>;
  components: { schemas: Record<string, object> };
};

/** Path templates of the document, with the route module that serves each. */
const ROUTES: Record<string, Record<string, unknown>> = {
  "/observations": observations,
  "/observations/batch": batch,
  "/behaviours": behaviours,
  "/teams": teams,
  "/metrics": metrics,
  "/metrics/{metricId}/readings": readings,
  "/adoption": adoption,
  "/surveys/{surveyId}/tabulation": tabulation,
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
let doc: Doc | undefined;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = new Map<string, ValidateFunction>();

export async function openApi(): Promise<Doc> {
  doc ??= (await openapiJson().json()) as Doc;
  return doc;
}

/** Every (method path status) answered and checked in this file, for the coverage assertion. */
export const SEEN = new Set<string>();

function match(path: string): { template: string; params: Record<string, string> } {
  for (const template of Object.keys(ROUTES)) {
    const names: string[] = [];
    const re = new RegExp("^" + template.replace(/\{(\w+)\}/g, (_, n: string) => (names.push(n), "([^/]+)")) + "$");
    const m = re.exec(path);
    if (m) return { template, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) };
  }
  throw new Error(`no route for ${path}`);
}

export interface Reply {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

export async function call(
  method: "GET" | "POST",
  pathAndQuery: string,
  opts: {
    token?: string | null;
    body?: unknown;
    rawBody?: string;
    contentType?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Reply> {
  const url = new URL(`http://localhost/api/v1${pathAndQuery}`);
  const { template, params } = match(url.pathname.slice("/api/v1".length));
  const handler = ROUTES[template]![method] as Handler | undefined;
  if (!handler) throw new Error(`${method} ${template} is not served`);
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const hasBody = opts.body !== undefined || opts.rawBody !== undefined;
  if (hasBody) headers["content-type"] = opts.contentType ?? "application/json";
  const req = new Request(url, {
    method,
    headers,
    body: hasBody ? (opts.rawBody ?? JSON.stringify(opts.body)) : undefined,
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  const body = JSON.parse(text) as Record<string, unknown>;
  await conforms(method, template, res, body);
  return { status: res.status, headers: res.headers, body };
}

async function conforms(method: string, template: string, res: Response, body: unknown): Promise<void> {
  const d = await openApi();
  const op = d.paths[template]?.[method.toLowerCase()];
  if (!op) throw new Error(`${method} ${template} is not in the OpenAPI document`);
  const response = op.responses[String(res.status)];
  if (!response) throw new Error(`${method} ${template} answered ${res.status}, which the document does not list`);
  const type = (res.headers.get("content-type") ?? "").split(";")[0]!;
  const media = response.content[type];
  if (!media) throw new Error(`${method} ${template} ${res.status}: content type ${type} is not documented`);
  const key = `${method} ${template} ${res.status}`;
  let validate = compiled.get(key);
  if (!validate) {
    const schema = (media.schema as { $ref?: string }).$ref ? d.components.schemas.Problem! : media.schema;
    validate = ajv.compile(schema);
    compiled.set(key, validate);
  }
  if (!validate(body)) throw new Error(`${key}: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body)}`);
  SEEN.add(key);
}
