import "server-only";
import type { z } from "@/lib/schemas/zod";
import {
  AdoptionPage,
  AdoptionQuery,
  ApiObservationBatchInput,
  ApiObservationInput,
  ApiReadingInput,
  BatchOut,
  BehaviourPage,
  LoggedOut,
  MetricPage,
  ObservationPage,
  ObservationsQuery,
  PageQuery,
  ReadingOut,
  TabulationOut,
  TeamPage,
} from "@/lib/schemas/api";
import type { ApiScope } from "@/lib/domain/api-tokens";
import { NotFoundError } from "../errors";
import { apiLogObservations } from "../data/api-observations";
import {
  apiAddReading,
  apiAdoption,
  apiBehaviours,
  apiMetrics,
  apiObservations,
  apiSurveyTabulation,
  apiTeams,
} from "../data/api-reads";
import { apiRoute, type NoInput } from "./handler";
import { problem } from "./problem";

// Every operation of the token API, once: the route files export these handlers, and the OpenAPI
// document (openapi.ts) is written from the same entries, so neither can list what the other lacks.

export interface Operation {
  method: "GET" | "POST";
  path: string;
  operationId: string;
  summary: string;
  scope: ApiScope;
  pathParams?: string[];
  query?: z.ZodObject;
  body?: z.ZodType;
  /** Success statuses and their bodies. */
  responses: Record<number, z.ZodType>;
  /** Error statuses this operation can answer besides 401, 403, 429 and 500. */
  errors: number[];
}

const ID_SHAPE = /^[A-Za-z0-9_-]{1,40}$/;
/** An id in the path that cannot be ours is simply not found, like another organisation's. */
const pathId = (v: string) => {
  if (!ID_SHAPE.test(v)) throw new NotFoundError();
  return v;
};

export const OPERATIONS = {
  logObservation: {
    method: "POST",
    path: "/observations",
    operationId: "logObservation",
    summary: "Log one observation (performed of opportunities situations).",
    scope: "observations:write",
    body: ApiObservationInput,
    responses: { 201: LoggedOut, 200: LoggedOut },
    errors: [400, 409, 415, 422],
  },
  logObservationBatch: {
    method: "POST",
    path: "/observations/batch",
    operationId: "logObservationBatch",
    summary: "Log up to 100 observations; each entry stands on its own idempotency key.",
    scope: "observations:write",
    body: ApiObservationBatchInput,
    responses: { 200: BatchOut },
    errors: [400, 415, 422],
  },
  listObservations: {
    method: "GET",
    path: "/observations",
    operationId: "listObservations",
    summary: "Observations in the order they were recorded.",
    scope: "observations:read",
    query: ObservationsQuery,
    responses: { 200: ObservationPage },
    errors: [400],
  },
  listBehaviours: {
    method: "GET",
    path: "/behaviours",
    operationId: "listBehaviours",
    summary: "The organisation's behaviours.",
    scope: "catalogue:read",
    query: PageQuery,
    responses: { 200: BehaviourPage },
    errors: [400],
  },
  listTeams: {
    method: "GET",
    path: "/teams",
    operationId: "listTeams",
    summary: "The organisation's teams and value streams.",
    scope: "catalogue:read",
    query: PageQuery,
    responses: { 200: TeamPage },
    errors: [400],
  },
  listMetrics: {
    method: "GET",
    path: "/metrics",
    operationId: "listMetrics",
    summary: "The organisation's outcome metrics (to find the id to push readings to).",
    scope: "catalogue:read",
    query: PageQuery,
    responses: { 200: MetricPage },
    errors: [400],
  },
  addMetricReading: {
    method: "POST",
    path: "/metrics/{metricId}/readings",
    operationId: "addMetricReading",
    summary: "Push a metric's reading for a day; a second reading for the same day and team replaces the first.",
    scope: "metrics:write",
    pathParams: ["metricId"],
    body: ApiReadingInput,
    responses: { 200: ReadingOut },
    errors: [400, 404, 415, 422],
  },
  readAdoption: {
    method: "GET",
    path: "/adoption",
    operationId: "readAdoption",
    summary: "Adoption by behaviour, team and week.",
    scope: "adoption:read",
    query: AdoptionQuery,
    responses: { 200: AdoptionPage },
    errors: [400, 422],
  },
  readSurveyTabulation: {
    method: "GET",
    path: "/surveys/{surveyId}/tabulation",
    operationId: "readSurveyTabulation",
    summary: "A barrier survey's responses of doers against non-doers.",
    scope: "adoption:read",
    pathParams: ["surveyId"],
    responses: { 200: TabulationOut },
    errors: [404],
  },
} as const satisfies Record<string, Operation>;

export const HANDLERS = {
  logObservation: apiRoute({
    body: ApiObservationInput,
    issuePath: (p) => p.slice(1),
    run: async (caller, { body }) => {
      const [r] = await apiLogObservations(caller, [body]);
      if (r!.status === "conflict")
        return {
          status: 409,
          body: null,
          problem: problem(409, "This idempotency key was used for a different entry."),
        };
      return { status: r!.status === "created" ? 201 : 200, body: { id: r!.id, status: r!.status } };
    },
  }),
  logObservationBatch: apiRoute({
    body: ApiObservationBatchInput,
    issuePath: (p) => ["observations", ...p],
    run: async (caller, { body }) => ({
      status: 200,
      body: { results: await apiLogObservations(caller, body.observations) },
    }),
  }),
  listObservations: apiRoute({
    query: ObservationsQuery,
    run: async (caller, { query }) => ({ status: 200, body: await apiObservations(caller, query) }),
  }),
  listBehaviours: apiRoute({
    query: PageQuery,
    run: async (caller, { query }) => ({ status: 200, body: await apiBehaviours(caller, query) }),
  }),
  listTeams: apiRoute({
    query: PageQuery,
    run: async (caller, { query }) => ({ status: 200, body: await apiTeams(caller, query) }),
  }),
  listMetrics: apiRoute({
    query: PageQuery,
    run: async (caller, { query }) => ({ status: 200, body: await apiMetrics(caller, query) }),
  }),
  addMetricReading: apiRoute<{ metricId: string }, NoInput, typeof ApiReadingInput>({
    body: ApiReadingInput,
    run: async (caller, { params, body }) => ({
      status: 200,
      body: await apiAddReading(caller, pathId(params.metricId), body),
    }),
  }),
  readAdoption: apiRoute({
    query: AdoptionQuery,
    run: async (caller, { query }) => ({ status: 200, body: await apiAdoption(caller, query) }),
  }),
  readSurveyTabulation: apiRoute<{ surveyId: string }>({
    run: async (caller, { params }) => ({
      status: 200,
      body: await apiSurveyTabulation(caller, pathId(params.surveyId)),
    }),
  }),
};
