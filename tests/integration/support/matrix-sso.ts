// Matrix rows for single sign-on's settings (src/lib/actions/sso.ts, the page /settings/sso; issue 20,
// docs/decisions/034). None takes an id: the organisation is the caller's, so there is nothing of
// another organisation to name. "Test connection" runs discovery against a real provider on loopback.
import { db } from "@/lib/server/db";
import { SsoConnectionInput, SsoEmptyInput } from "@/lib/schemas/sso";
import {
  deleteSsoConnection,
  getSsoSettings,
  saveSsoConnection,
  SECRET_PURPOSE,
  ssoRedirectUri,
  testSsoConnection,
} from "@/lib/server/data/sso";
import { seal } from "@/lib/server/sso/secret-box";
import { startTestIdp, type TestIdp } from "../../support/oidc-provider";
import { type Row, row, A, ADMINS } from "./matrix-core";
import { uid, type Side } from "./matrix-scenario";

let idp: Promise<TestIdp> | undefined;
const provider = () => (idp ??= startTestIdp({ redirectUris: [ssoRedirectUri()] }));

async function connectionOf(s: Side): Promise<void> {
  const p = await provider();
  await db().ssoConnection.create({
    data: {
      organizationId: s.org.id,
      issuer: p.issuer,
      clientId: p.clientId,
      clientSecretSealed: seal(p.clientSecret, SECRET_PURPOSE),
      domains: { create: { domain: `matrix-${uid()}.test`, organizationId: s.org.id } },
    },
  });
}

export const SSO_ROWS: Row<unknown>[] = [
  row({
    action: "saveSsoConnectionAction",
    surface: A("sso"),
    requires: "sso.manage",
    data: "sso.saveSsoConnection",
    kind: "write",
    allowed: ADMINS,
    setup: async () =>
      SsoConnectionInput.parse({
        issuer: "https://login.example.com/realms/acme",
        clientId: "conduct",
        clientSecret: "s3cret",
        domains: `matrix-${uid()}.test`,
        allowPassword: "on",
      }),
    call: (ctx, i) => saveSsoConnection(ctx, i),
  }),
  row({
    action: "deleteSsoConnectionAction",
    surface: A("sso"),
    requires: "sso.manage",
    data: "sso.deleteSsoConnection",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => {
      await connectionOf(s);
      return SsoEmptyInput.parse({});
    },
    call: (ctx) => deleteSsoConnection(ctx),
  }),
  row({
    action: "testSsoConnectionAction",
    surface: A("sso"),
    requires: "sso.manage",
    data: "sso.testSsoConnection",
    kind: "read",
    allowed: ADMINS,
    setup: async (s) => {
      await connectionOf(s);
      return SsoEmptyInput.parse({});
    },
    call: (ctx) => testSsoConnection(ctx),
  }),
  row({
    action: null,
    surface: "page /settings/sso",
    requires: "sso.manage",
    data: "sso.getSsoSettings",
    kind: "read",
    allowed: ADMINS,
    setup: async () => ({}),
    call: (ctx) => getSsoSettings(ctx),
  }),
];
