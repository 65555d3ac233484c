// Matrix rows for API tokens (src/lib/actions/api-tokens.ts, the page /settings/api-tokens) and for
// the data-layer calls the token API makes (src/app/api/v1, issue 20). A token acts as its creator's
// MemberContext narrowed to its scopes (docs/decisions/031), so the API rows call the same functions
// the route handlers call, with a caller holding every scope: the permission table decides which
// roles may, and every id a token can send is checked across organisations.
import { db } from "@/lib/server/db";
import { API_SCOPES } from "@/lib/domain/api-tokens";
import {
  AdoptionQuery,
  ApiObservationInput,
  ApiReadingInput,
  ApiTokenIdInput,
  ApiTokenInput,
  ObservationsQuery,
} from "@/lib/schemas/api";
import { createApiToken, hashToken, listApiTokens, revokeApiToken, type ApiCaller } from "@/lib/server/data/api-tokens";
import { apiLogObservations } from "@/lib/server/data/api-observations";
import { apiAddReading, apiAdoption, apiObservations, apiSurveyTabulation } from "@/lib/server/data/api-reads";
import type { MemberContext } from "@/lib/server/data/accounts";
import { type Row, at, row, A, ADMINS, ALL, MANAGERS } from "./matrix-core";
import { key, today, uid, type Side } from "./matrix-scenario";

const asToken = (ctx: MemberContext): ApiCaller => ({
  member: ctx,
  tokenId: "matrix",
  prefix: "cdt_matrix",
  scopes: API_SCOPES,
});

async function tokenOf(s: Side): Promise<string> {
  const t = await db().apiToken.create({
    data: {
      organizationId: s.org.id,
      name: "Matrix tool",
      scopes: ["catalogue:read"],
      tokenHash: hashToken(`cdt_${uid()}`),
      prefix: "cdt_matrix",
      createdById: s.people.ADMIN.ctx.membershipId,
    },
    select: { id: true },
  });
  return t.id;
}

const api = (method: string, path: string) => `api ${method} /api/v1${path}`;

export const API_TOKEN_ROWS: Row<unknown>[] = [
  row({
    action: "createApiTokenAction",
    surface: A("api-tokens"),
    requires: "apiTokens.manage",
    data: "api-tokens.createApiToken",
    kind: "write",
    allowed: ADMINS,
    setup: async () => ApiTokenInput.parse({ name: "Ticket tool", scopes: ["observations:write"], expiresOn: "" }),
    call: (ctx, i) => createApiToken(ctx, i),
  }),
  row({
    action: "revokeApiTokenAction",
    surface: A("api-tokens"),
    requires: "apiTokens.manage",
    data: "api-tokens.revokeApiToken",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => ApiTokenIdInput.parse({ id: await tokenOf(s) }),
    call: (ctx, i) => revokeApiToken(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /settings/api-tokens",
    requires: "apiTokens.manage",
    data: "api-tokens.listApiTokens",
    kind: "read",
    allowed: ADMINS,
    setup: async () => ({}),
    call: (ctx) => listApiTokens(ctx),
  }),
  row({
    action: null,
    surface: api("POST", "/observations"),
    requires: "observations.log",
    data: "api-observations.apiLogObservations",
    kind: "write",
    allowed: ALL,
    setup: async (s) => [
      ApiObservationInput.parse({
        idempotencyKey: key(),
        behaviourId: s.behaviour.id,
        teamId: s.team.id,
        performed: 1,
      }),
    ],
    call: (ctx, i) => apiLogObservations(asToken(ctx), i),
    ids: [at("0.behaviourId", "rule"), at("0.teamId", "rule")],
  }),
  row({
    action: null,
    surface: api("POST", "/metrics/{metricId}/readings"),
    requires: "metrics.manage",
    data: "api-reads.apiAddReading",
    kind: "write",
    allowed: MANAGERS,
    setup: async (s) => ({
      metricId: (await s.metric()).id,
      body: ApiReadingInput.parse({ date: today(), teamId: s.team.id, value: 7 }),
    }),
    call: (ctx, i) => apiAddReading(asToken(ctx), i.metricId, i.body),
    ids: [at("metricId", "not-found"), at("body.teamId", "rule")],
  }),
  row({
    action: null,
    surface: api("GET", "/surveys/{surveyId}/tabulation"),
    requires: "barriers.manage",
    data: "api-reads.apiSurveyTabulation",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) => ({ surveyId: (await s.survey()).id }),
    call: (ctx, i) => apiSurveyTabulation(asToken(ctx), i.surveyId),
    ids: [at("surveyId", "not-found")],
  }),
  row({
    action: null,
    surface: api("GET", "/adoption"),
    requires: "dashboards.view",
    data: "api-reads.apiAdoption",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) => {
      await s.observation();
      return AdoptionQuery.parse({ teamId: s.team.id, behaviourId: s.behaviour.id });
    },
    call: (ctx, i) => apiAdoption(asToken(ctx), i),
    ids: [at("teamId", "same"), at("behaviourId", "same")],
  }),
];

/** Any member's token may list observations (with observations:read); walked across organisations. */
export const API_OPEN_READS: Row<unknown>[] = [
  row({
    action: null,
    surface: api("GET", "/observations"),
    requires: null,
    data: "api-reads.apiObservations",
    kind: "read",
    allowed: ALL,
    setup: async (s) => {
      await s.observation();
      return ObservationsQuery.parse({ teamId: s.team.id, behaviourId: s.behaviour.id });
    },
    call: (ctx, i) => apiObservations(asToken(ctx), i),
    ids: [at("teamId", "same"), at("behaviourId", "same")],
  }),
];
