// Hostile-input cases for single sign-on's settings form (issue 20, docs/decisions/034); part of
// CASES in hostile-cases.ts. The sign-in page's form (SsoStartInput) is one e-mail, parsed by the
// start route: a refused one sends the browser back to sign-in with a message.
import {
  SsoConfirmInput,
  SsoConnectionInput,
  SsoEmptyInput,
  SsoStartInput,
  MAX_ISSUER_LENGTH,
} from "@/lib/schemas/sso";
import { MAX_SSO_DOMAINS } from "@/lib/domain/sso";
import type { SchemaCase } from "./hostile-cases";

export const SSO_CASES: SchemaCase[] = [
  {
    name: "SsoConnectionInput",
    actions: "saveSsoConnectionAction",
    schema: SsoConnectionInput,
    base: {
      issuer: "https://login.example.com/realms/acme",
      clientId: "conduct",
      clientSecret: "s3cret-value",
      domains: "acme.example\nacme-eu.example",
      allowPassword: "on",
    },
    rules: {
      issuer: { kind: "text", max: MAX_ISSUER_LENGTH },
      clientId: { kind: "text", max: 255 },
      clientSecret: { kind: "secret", max: 1000 },
      domains: { kind: "lines", items: MAX_SSO_DOMAINS, each: 253 },
      allowPassword: { kind: "bool" },
    },
    form: {},
  },
  {
    name: "SsoEmptyInput",
    actions: "testSsoConnectionAction, deleteSsoConnectionAction",
    schema: SsoEmptyInput,
    base: {},
    rules: {},
    form: {},
  },
  {
    name: "SsoStartInput",
    actions: "POST /api/sso/start (the sign-in page's single sign-on form)",
    schema: SsoStartInput,
    base: { email: "ada@acme.example" },
    rules: { email: { kind: "email" } },
    form: {},
  },
  {
    name: "SsoConfirmInput",
    actions: "POST /api/sso/confirm (the button of the page a mailed confirmation link opens)",
    schema: SsoConfirmInput,
    base: { token: "l1nk-abcdefghijklmnopqrstuvwxyz" },
    rules: { token: { kind: "secret", max: 100 } },
    form: {},
  },
];
