// Drives the SCIM 2.0 endpoints' real route handlers with real Requests, as an identity provider
// would send them (issue 20, docs/decisions/038).
import * as users from "@/app/scim/v2/Users/route";
import * as user from "@/app/scim/v2/Users/[id]/route";
import * as groups from "@/app/scim/v2/Groups/route";
import * as group from "@/app/scim/v2/Groups/[id]/route";
import * as config from "@/app/scim/v2/ServiceProviderConfig/route";
import { SCIM_PATCH } from "@/lib/domain/scim";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

export interface ScimReply {
  status: number;
  headers: Headers;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- SCIM bodies are read field by field in the tests
  body: any;
}

function route(path: string): { module: Record<string, unknown>; params: Record<string, string> } {
  const m = /^\/(Users|Groups)(?:\/([^/?]+))?$/.exec(path);
  if (path === "/ServiceProviderConfig") return { module: config, params: {} };
  if (!m) throw new Error(`no SCIM route for ${path}`);
  const id = m[2] ? decodeURIComponent(m[2]) : undefined;
  if (m[1] === "Users") return id ? { module: user, params: { id } } : { module: users, params: {} };
  return id ? { module: group, params: { id } } : { module: groups, params: {} };
}

export async function scim(
  method: Method,
  pathAndQuery: string,
  opts: { token?: string | null; body?: unknown; rawBody?: string; contentType?: string; ip?: string } = {},
): Promise<ScimReply> {
  const url = new URL(`http://localhost/scim/v2${pathAndQuery}`);
  const { module, params } = route(url.pathname.slice("/scim/v2".length));
  const handler = module[method] as Handler | undefined;
  if (!handler) throw new Error(`${method} ${url.pathname} is not served`);
  const headers: Record<string, string> = {};
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const hasBody = opts.body !== undefined || opts.rawBody !== undefined;
  if (hasBody) headers["content-type"] = opts.contentType ?? "application/scim+json";
  const req = new Request(url, {
    method,
    headers,
    body: hasBody ? (opts.rawBody ?? JSON.stringify(opts.body)) : undefined,
  });
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  if (text && !/^application\/scim\+json/.test(res.headers.get("content-type") ?? ""))
    throw new Error(
      `${method} ${pathAndQuery}: answered ${res.headers.get("content-type")}, not application/scim+json`,
    );
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

/** A PatchOp body. */
export const patchOp = (...Operations: { op: string; path?: string; value?: unknown }[]) => ({
  schemas: [SCIM_PATCH],
  Operations,
});
