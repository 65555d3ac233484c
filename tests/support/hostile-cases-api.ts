// Hostile-input cases for the API token actions' schemas and the token API's bodies (issue 20);
// part of CASES in hostile-cases.ts.
import { ApiObservationInput, ApiReadingInput, ApiTokenIdInput, ApiTokenInput } from "@/lib/schemas/api";
import type { SchemaCase } from "./hostile-cases";

// Local copies: hostile-cases.ts imports this file before its own helpers exist.
const ID = "clx0a1b2c3d4e5f6g7h8i9j0k";
const ID2 = "clx0a1b2c3d4e5f6g7h8i9j0m";
const id = { kind: "id", max: 40 } as const;
const text = (max: number) => ({ kind: "text", max }) as const;
const int = (min: number, max: number) => ({ kind: "int", min, max }) as const;

export const API_CASES: SchemaCase[] = [
  {
    name: "ApiTokenInput",
    actions: "createApiTokenAction",
    schema: ApiTokenInput,
    base: { name: "Ticket tool", scopes: ["observations:write"], expiresOn: "" },
    rules: { name: text(80), scopes: { kind: "ids", max: 5, each: 40 }, expiresOn: { kind: "date", nullable: true } },
    form: { lists: ["scopes"] },
  },
  {
    name: "ApiTokenIdInput",
    actions: "revokeApiTokenAction",
    schema: ApiTokenIdInput,
    base: { id: ID },
    rules: { id },
    form: {},
  },
  {
    name: "ApiObservationInput",
    actions: "POST /api/v1/observations (and each entry of /observations/batch)",
    schema: ApiObservationInput,
    base: {
      idempotencyKey: "api-key-0001",
      behaviourId: ID,
      teamId: ID2,
      performed: 1,
      opportunities: 1,
      note: "",
      observerEmail: "ada@example.com",
    },
    rules: {
      idempotencyKey: { kind: "key" },
      behaviourId: id,
      teamId: id,
      performed: int(0, 1),
      opportunities: int(1, 1000),
      note: text(500),
      observerEmail: { kind: "email", optional: true },
    },
  },
  {
    name: "ApiReadingInput",
    actions: "POST /api/v1/metrics/{metricId}/readings",
    schema: ApiReadingInput,
    base: { date: "2026-01-05", teamId: ID, value: 7 },
    rules: {
      date: { kind: "date" },
      teamId: { kind: "id", max: 40, nullable: true },
      value: { kind: "number", min: -1e12, max: 1e12 },
    },
  },
];
