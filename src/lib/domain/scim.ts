// SCIM 2.0 (RFC 7643 resources, RFC 7644 protocol) for provisioning from an identity provider
// (issue 20, docs/decisions/038): the filters, PATCH operations and resource shapes Conduct
// understands. Pure: the data layer (src/lib/server/data/scim-*.ts) applies the result.

export const SCIM_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
export const SCIM_GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
export const SCIM_LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const SCIM_PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const SCIM_ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
export const SCIM_CONFIG = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";
export const SCIM_MEDIA_TYPE = "application/scim+json";

/** The prefix of a SCIM token's secret, so that it is never mistaken for an API token ("cdt_"). */
export const SCIM_TOKEN_PREFIX = "scim_";

/** Items per page when the provider does not say, and the most it may ask for (RFC 7644 §3.4.2.4). */
export const SCIM_DEFAULT_COUNT = 100;
export const SCIM_MAX_COUNT = 200;

/** RFC 7644 §3.12: an error's HTTP status, its scimType where one applies, and what to tell the admin. */
export class ScimError extends Error {
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType?:
      | "invalidFilter"
      | "invalidSyntax"
      | "invalidPath"
      | "invalidValue"
      | "noTarget"
      | "uniqueness"
      | "mutability"
      | "tooMany",
  ) {
    super(detail);
  }
}

export const errorBody = (e: ScimError) => ({
  schemas: [SCIM_ERROR],
  status: String(e.status),
  ...(e.scimType ? { scimType: e.scimType } : {}),
  detail: e.detail,
});

// ——— Filters

export interface EqFilter {
  /** The attribute, lower-cased (SCIM attribute names are case-insensitive). */
  attribute: string;
  value: string;
}

/**
 * The one filter form providers send to find a resource before creating it: `attribute eq "value"`
 * (Okta, Entra ID, OneLogin and JumpCloud all look users up by userName and groups by displayName).
 * Other attributes and operators are refused with invalidFilter rather than ignored, so a provider
 * never mistakes "filter not understood" for "nobody matches".
 */
export function parseEqFilter(filter: string, allowed: readonly string[]): EqFilter {
  const m = /^\s*([A-Za-z][\w.]*)\s+eq\s+"((?:[^"\\]|\\.)*)"\s*$/i.exec(filter);
  if (!m)
    throw new ScimError(
      400,
      `Only filters of the form attribute eq "value" are supported; got: ${filter}`,
      "invalidFilter",
    );
  const attribute = m[1]!.toLowerCase();
  if (!allowed.includes(attribute))
    throw new ScimError(
      400,
      `Filtering on ${m[1]} is not supported; use one of: ${allowed.join(", ")}.`,
      "invalidFilter",
    );
  return { attribute, value: m[2]!.replace(/\\(.)/g, "$1") };
}

/** startIndex (1-based) and count, within bounds (RFC 7644 §3.4.2.4: a value below 1 is read as 1, or as 0 for count). */
export function pageOf(query: { startIndex?: string | null; count?: string | null }): { skip: number; take: number } {
  const int = (v: string | null | undefined) => (v && /^-?\d+$/.test(v) ? Number(v) : null);
  const start = Math.max(1, int(query.startIndex) ?? 1);
  const count = Math.min(SCIM_MAX_COUNT, Math.max(0, int(query.count) ?? SCIM_DEFAULT_COUNT));
  return { skip: start - 1, take: count };
}

export const listBody = <T>(resources: T[], total: number, skip: number) => ({
  schemas: [SCIM_LIST],
  totalResults: total,
  startIndex: skip + 1,
  itemsPerPage: resources.length,
  Resources: resources,
});

// ——— Users

/**
 * What Conduct keeps of a SCIM user: the account's e-mail (userName: Conduct signs people in by
 * e-mail, so userName must be one; the emails list is not read) and name, and the membership's state.
 */
export interface ScimUserState {
  userName: string;
  displayName: string;
  givenName: string;
  familyName: string;
  active: boolean;
  externalId: string | null;
}

/** A boolean as providers send it: Entra ID sends "True"/"False" strings in PATCH. */
function bool(v: unknown, path: string): boolean {
  if (typeof v === "boolean") return v;
  if (typeof v === "string" && /^(true|false)$/i.test(v)) return v.toLowerCase() === "true";
  throw new ScimError(400, `${path} must be true or false.`, "invalidValue");
}

function str(v: unknown, path: string, max: number): string {
  if (typeof v !== "string") throw new ScimError(400, `${path} must be a string.`, "invalidValue");
  const s = v.trim();
  if (s.length > max) throw new ScimError(400, `${path} is longer than ${max} characters.`, "invalidValue");
  return s;
}

const record = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The state a POST or PUT body describes (RFC 7643 §4.1); userName is required. */
export function userFromBody(body: unknown): ScimUserState {
  const b = record(body);
  if (b.userName === undefined || b.userName === null || b.userName === "")
    throw new ScimError(400, "userName is required: the person's e-mail address.", "invalidValue");
  const name = record(b.name);
  const givenName = name.givenName === undefined ? "" : str(name.givenName, "name.givenName", 80);
  const familyName = name.familyName === undefined ? "" : str(name.familyName, "name.familyName", 80);
  return {
    userName: str(b.userName, "userName", 254),
    displayName:
      b.displayName === undefined || b.displayName === null
        ? name.formatted !== undefined
          ? str(name.formatted, "name.formatted", 120)
          : ""
        : str(b.displayName, "displayName", 120),
    givenName,
    familyName,
    active: b.active === undefined ? true : bool(b.active, "active"),
    externalId:
      b.externalId === undefined || b.externalId === null ? null : str(b.externalId, "externalId", 200) || null,
  };
}

/** The person's name as Conduct shows it: displayName, else given and family names, else the e-mail's local part. */
export function fullName(u: Pick<ScimUserState, "displayName" | "givenName" | "familyName" | "userName">): string {
  return (
    u.displayName ||
    [u.givenName, u.familyName].filter(Boolean).join(" ") ||
    u.userName.split("@")[0]! ||
    u.userName
  ).slice(0, 120);
}

interface PatchOperation {
  op: "add" | "replace" | "remove";
  path: string | null;
  value: unknown;
}

/** The Operations of a PatchOp body (RFC 7644 §3.5.2), with op names in any case (Entra ID sends "Replace"). */
export function patchOperations(body: unknown): PatchOperation[] {
  const b = record(body);
  if (!Array.isArray(b.Operations) || b.Operations.length === 0)
    throw new ScimError(400, "A PATCH needs a non-empty Operations list.", "invalidSyntax");
  if (b.Operations.length > 1000) throw new ScimError(400, "At most 1000 operations per PATCH.", "tooMany");
  return b.Operations.map((raw) => {
    const o = record(raw);
    const op = typeof o.op === "string" ? o.op.toLowerCase() : "";
    if (op !== "add" && op !== "replace" && op !== "remove")
      throw new ScimError(400, `Unknown PATCH op: ${String(o.op)}; use add, replace or remove.`, "invalidSyntax");
    const path = typeof o.path === "string" && o.path.trim() ? o.path.trim() : null;
    return { op, path, value: o.value };
  });
}

/** A user PATCH path, lower-cased, without the schema URN prefix some providers put before it. */
const userPath = (path: string): string =>
  path.replace(new RegExp(`^${SCIM_USER.replace(/[.:]/g, "\\$&")}:`, "i"), "").toLowerCase();

function setUserAttribute(s: ScimUserState, path: string, value: unknown, remove: boolean): ScimUserState {
  switch (userPath(path)) {
    case "active":
      if (remove) throw new ScimError(400, "active cannot be removed.", "mutability");
      return { ...s, active: bool(value, "active") };
    case "username":
      if (remove) throw new ScimError(400, "userName cannot be removed.", "mutability");
      return { ...s, userName: str(value, "userName", 254) };
    case "displayname":
      return { ...s, displayName: remove ? "" : str(value, "displayName", 120) };
    case "name.givenname":
      return { ...s, givenName: remove ? "" : str(value, "name.givenName", 80) };
    case "name.familyname":
      return { ...s, familyName: remove ? "" : str(value, "name.familyName", 80) };
    case "name.formatted":
      return { ...s, displayName: remove ? "" : str(value, "name.formatted", 120) };
    case "name": {
      const n = record(value);
      return {
        ...s,
        givenName: remove ? "" : n.givenName !== undefined ? str(n.givenName, "name.givenName", 80) : s.givenName,
        familyName: remove ? "" : n.familyName !== undefined ? str(n.familyName, "name.familyName", 80) : s.familyName,
      };
    }
    case "externalid":
      return { ...s, externalId: remove ? null : str(value, "externalId", 200) || null };
    default:
      // Attributes Conduct does not keep (title, phoneNumbers, the enterprise extension…) change nothing.
      return s;
  }
}

/** A stored name as SCIM's parts: the first word, and the rest. */
export function splitName(name: string): { givenName: string; familyName: string } {
  const [given = "", ...rest] = name.trim().split(/\s+/);
  return { givenName: given, familyName: rest.join(" ") };
}

/**
 * A user's state after a PATCH. Operations without a path carry an object of attributes (Okta's
 * `{"op":"replace","value":{"active":false}}`, and Entra ID's dotted keys such as "name.givenName").
 * A change to the name's parts that does not also set displayName renames the person by the parts
 * (a provider renaming someone sends name.familyName alone).
 */
export function patchUser(current: ScimUserState, body: unknown): ScimUserState {
  let s = current;
  let partsChanged = false;
  let displaySet = false;
  const apply = (path: string, value: unknown, remove: boolean) => {
    const next = setUserAttribute(s, path, value, remove);
    if (next.givenName !== s.givenName || next.familyName !== s.familyName) partsChanged = true;
    if (/^(displayname|name\.formatted)$/.test(userPath(path))) displaySet = true;
    s = next;
  };
  for (const o of patchOperations(body)) {
    if (o.path) {
      apply(o.path, o.value, o.op === "remove");
      continue;
    }
    if (o.op === "remove") throw new ScimError(400, "A remove needs a path.", "noTarget");
    for (const [key, value] of Object.entries(record(o.value))) apply(key, value, false);
  }
  if (partsChanged && !displaySet) s = { ...s, displayName: [s.givenName, s.familyName].filter(Boolean).join(" ") };
  return s;
}

// ——— Groups

export interface ScimGroupChange {
  displayName?: string;
  externalId?: string | null;
  /** Replace the members with exactly these ids. */
  setMembers?: string[];
  add: string[];
  remove: string[];
}

function memberIds(value: unknown, path: string): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.map((m) => {
    const v = record(m).value;
    if (typeof v !== "string" || !v)
      throw new ScimError(400, `${path} needs objects with a value (a user id).`, "invalidValue");
    return v;
  });
}

/** The group a POST or PUT body describes: displayName (required), externalId, members. */
export function groupFromBody(body: unknown): { displayName: string; externalId: string | null; members: string[] } {
  const b = record(body);
  if (typeof b.displayName !== "string" || !b.displayName.trim())
    throw new ScimError(400, "displayName is required: the team's name.", "invalidValue");
  return {
    displayName: str(b.displayName, "displayName", 80),
    externalId:
      b.externalId === undefined || b.externalId === null ? null : str(b.externalId, "externalId", 200) || null,
    members: memberIds(b.members, "members"),
  };
}

/** A group PATCH as changes to apply (RFC 7644 §3.5.2, including `members[value eq "…"]` removals). */
export function patchGroup(body: unknown): ScimGroupChange {
  const out: ScimGroupChange = { add: [], remove: [] };
  for (const o of patchOperations(body)) {
    const path = o.path?.replace(new RegExp(`^${SCIM_GROUP.replace(/[.:]/g, "\\$&")}:`, "i"), "") ?? null;
    const selector = path ? /^members\[\s*value\s+eq\s+"([^"]+)"\s*\]$/i.exec(path) : null;
    if (selector) {
      if (o.op !== "remove") throw new ScimError(400, "Only remove takes a members[value eq …] path.", "invalidPath");
      out.remove.push(selector[1]!);
      continue;
    }
    const target = path?.toLowerCase() ?? null;
    if (target === "members") {
      const ids = memberIds(o.value, "members");
      if (o.op === "add") out.add.push(...ids);
      else if (o.op === "remove") {
        // A remove of "members" with no value removes them all (RFC 7644 §3.5.2.2).
        if (o.value === undefined) out.setMembers = [];
        else out.remove.push(...ids);
      } else out.setMembers = ids;
      continue;
    }
    if (target === "displayname") {
      if (o.op === "remove") throw new ScimError(400, "displayName cannot be removed.", "mutability");
      out.displayName = str(o.value, "displayName", 80);
      continue;
    }
    if (target === "externalid") {
      out.externalId = o.op === "remove" ? null : str(o.value, "externalId", 200) || null;
      continue;
    }
    if (target === null) {
      if (o.op === "remove") throw new ScimError(400, "A remove needs a path.", "noTarget");
      const v = record(o.value);
      if (v.displayName !== undefined) out.displayName = str(v.displayName, "displayName", 80);
      if (v.externalId !== undefined)
        out.externalId = v.externalId === null ? null : str(v.externalId, "externalId", 200);
      if (v.members !== undefined) {
        const ids = memberIds(v.members, "members");
        if (o.op === "add") out.add.push(...ids);
        else out.setMembers = ids;
      }
      continue;
    }
    throw new ScimError(400, `Unknown group attribute: ${o.path}.`, "invalidPath");
  }
  return out;
}

/** The members a group ends with after a change. */
export function membersAfter(current: readonly string[], change: ScimGroupChange): string[] {
  const set = new Set(change.setMembers ?? current);
  for (const id of change.add) set.add(id);
  for (const id of change.remove) set.delete(id);
  return [...set];
}
