// Matrix rows for SCIM provisioning (issue 20, docs/decisions/038): the SCIM token actions and page
// (src/lib/actions/api-tokens.ts, /settings/scim), and the data-layer calls the /scim/v2 routes make.
// A SCIM token acts as its creator's MemberContext, so the rows call the same functions the route
// handlers call with that context: the permission table decides who may, and every id in a SCIM
// URL is checked across organisations.
import { db } from "@/lib/server/db";
import { ApiTokenIdInput, ScimTokenInput } from "@/lib/schemas/api";
import {
  createScimToken,
  hashToken,
  listScimTokens,
  revokeScimToken,
  type ApiCaller,
} from "@/lib/server/data/api-tokens";
import {
  createScimUser,
  deleteScimUser,
  getScimUser,
  listScimUsers,
  patchScimUser,
} from "@/lib/server/data/scim-users";
import { createScimGroup, deleteScimGroup, getScimGroup, patchScimGroup } from "@/lib/server/data/scim-groups";
import { SCIM_PATCH } from "@/lib/domain/scim";
import type { MemberContext } from "@/lib/server/data/accounts";
import { type Row, at, row, A, ADMINS } from "./matrix-core";
import { uid, type Side } from "./matrix-scenario";
import { buildMember, buildTeam } from "../../factories";

const BASE = "http://localhost/scim/v2";
const asScim = (ctx: MemberContext): ApiCaller => ({
  member: ctx,
  tokenId: "matrix",
  prefix: "scim_matrix",
  scopes: [],
});
const scim = (method: string, path: string) => `scim ${method} /scim/v2${path}`;
const patch = (op: Record<string, unknown>) => ({ schemas: [SCIM_PATCH], Operations: [op] });

async function scimTokenOf(s: Side): Promise<string> {
  const t = await db().apiToken.create({
    data: {
      organizationId: s.org.id,
      kind: "SCIM",
      name: "Matrix directory",
      tokenHash: hashToken(`scim_${uid()}`),
      prefix: "scim_matrix",
      createdById: s.people.ADMIN.ctx.membershipId,
    },
    select: { id: true },
  });
  return t.id;
}

// Rows that disable, delete, rename or archive act on a person or team of their own, never on the
// scenario's, which the other rows (and the page-plans walk) go on using.
const member = async (s: Side) => ({ id: (await buildMember(db(), s.org.id, "MEMBER")).membership.id });
const team = async (s: Side) => ({ id: (await buildTeam(db(), s.org.id, { name: `SCIM ${uid()}` })).id });

export const SCIM_ROWS: Row<unknown>[] = [
  row({
    action: "createScimTokenAction",
    surface: A("api-tokens"),
    requires: "scim.manage",
    data: "api-tokens.createScimToken",
    kind: "write",
    allowed: ADMINS,
    setup: async () => ScimTokenInput.parse({ name: "Okta", expiresOn: "" }),
    call: (ctx, i) => createScimToken(ctx, i),
  }),
  row({
    action: "revokeScimTokenAction",
    surface: A("api-tokens"),
    requires: "scim.manage",
    data: "api-tokens.revokeScimToken",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => ApiTokenIdInput.parse({ id: await scimTokenOf(s) }),
    call: (ctx, i) => revokeScimToken(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /settings/scim",
    requires: "scim.manage",
    data: "api-tokens.listScimTokens",
    kind: "read",
    allowed: ADMINS,
    setup: async () => ({}),
    call: (ctx) => listScimTokens(ctx),
  }),
  row({
    action: null,
    surface: scim("POST", "/Users"),
    requires: "scim.manage",
    data: "scim-users.createScimUser",
    kind: "write",
    allowed: ADMINS,
    setup: async () => ({ userName: `new-${uid()}@matrix.example`, displayName: "New Person" }),
    call: (ctx, body) => createScimUser(asScim(ctx), body, BASE),
  }),
  row({
    action: null,
    surface: scim("GET", "/Users"),
    requires: "scim.manage",
    data: "scim-users.listScimUsers",
    kind: "read",
    allowed: ADMINS,
    setup: async () => ({}),
    call: (ctx) => listScimUsers(asScim(ctx), new URLSearchParams(), BASE),
  }),
  row({
    action: null,
    surface: scim("GET", "/Users/{id}"),
    requires: "scim.manage",
    data: "scim-users.getScimUser",
    kind: "read",
    allowed: ADMINS,
    setup: member,
    call: (ctx, i) => getScimUser(asScim(ctx), i.id, BASE),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: scim("PATCH", "/Users/{id}"),
    requires: "scim.manage",
    data: "scim-users.patchScimUser",
    kind: "write",
    allowed: ADMINS,
    setup: member,
    call: (ctx, i) => patchScimUser(asScim(ctx), i.id, patch({ op: "replace", path: "active", value: false }), BASE),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: scim("DELETE", "/Users/{id}"),
    requires: "scim.manage",
    data: "scim-users.deleteScimUser",
    kind: "write",
    allowed: ADMINS,
    setup: member,
    call: (ctx, i) => deleteScimUser(asScim(ctx), i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: scim("POST", "/Groups"),
    requires: "scim.manage",
    data: "scim-groups.createScimGroup",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => ({ displayName: `Pushed ${uid()}`, members: [{ value: (await member(s)).id }] }),
    call: (ctx, body) => createScimGroup(asScim(ctx), body, BASE),
  }),
  row({
    action: null,
    surface: scim("GET", "/Groups/{id}"),
    requires: "scim.manage",
    data: "scim-groups.getScimGroup",
    kind: "read",
    allowed: ADMINS,
    setup: team,
    call: (ctx, i) => getScimGroup(asScim(ctx), i.id, new URLSearchParams(), BASE),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: scim("PATCH", "/Groups/{id}"),
    requires: "scim.manage",
    data: "scim-groups.patchScimGroup",
    kind: "write",
    allowed: ADMINS,
    setup: team,
    call: (ctx, i) =>
      patchScimGroup(asScim(ctx), i.id, patch({ op: "replace", path: "displayName", value: `Renamed ${uid()}` }), BASE),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: scim("DELETE", "/Groups/{id}"),
    requires: "scim.manage",
    data: "scim-groups.deleteScimGroup",
    kind: "write",
    allowed: ADMINS,
    setup: team,
    call: (ctx, i) => deleteScimGroup(asScim(ctx), i.id),
    ids: [at("id", "not-found")],
  }),
];
