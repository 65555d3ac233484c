// SCIM 2.0 provisioning (issue 20, docs/decisions/038) through its real route handlers on both
// databases: the request sequences Okta and Microsoft Entra ID send (create, rename, deactivate,
// reactivate, delete, group pushes), bad tokens, and another organisation's ids.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { createApiToken, createScimToken, revokeScimToken } from "@/lib/server/data/api-tokens";
import { ApiTokenInput, ScimTokenInput } from "@/lib/schemas/api";
import { SCIM_LIST, SCIM_USER } from "@/lib/domain/scim";
import { buildMember, buildOrgScenario, buildOrganization, buildTeam } from "../factories";
import { contextFor } from "./support/context";
import { call } from "./support/api-client";
import { patchOp, scim } from "./support/scim-client";

let n = 0;
const email = (who = "person") => `${who}.${Date.now().toString(36)}.${++n}@scim.example`;

async function org() {
  const s = await buildOrgScenario(db());
  const admin = await contextFor(s.admin.user.id, s.org.id);
  const { token, id } = await createScimToken(admin, ScimTokenInput.parse({ name: "Okta", expiresOn: "" }));
  return { s, admin, token, tokenId: id };
}

const oktaUser = (userName: string, over: Record<string, unknown> = {}) => ({
  schemas: [SCIM_USER],
  userName,
  name: { givenName: "Ines", familyName: "Alvarez" },
  emails: [{ primary: true, value: userName, type: "work" }],
  displayName: "Ines Alvarez",
  locale: "en-GB",
  externalId: `00u${++n}okta`,
  groups: [],
  active: true,
  ...over,
});

describe("SCIM tokens", () => {
  it("refuses a missing, unknown, revoked or API token with 401 and a SCIM error body, and a SCIM token reads no API", async () => {
    const { admin, token, tokenId } = await org();
    expect((await scim("GET", "/Users", { token })).status).toBe(200);
    const none = await scim("GET", "/Users");
    expect(none.status).toBe(401);
    expect(none.body.schemas).toEqual(["urn:ietf:params:scim:api:messages:2.0:Error"]);
    expect(none.body.status).toBe("401");
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect((await scim("GET", "/Users", { token: "scim_made-up" })).status).toBe(401);

    const api = await createApiToken(
      admin,
      ApiTokenInput.parse({ name: "Ticket tool", scopes: ["catalogue:read"], expiresOn: "" }),
    );
    expect((await scim("GET", "/Users", { token: api.token })).status).toBe(401);
    expect((await call("GET", "/teams", { token })).status).toBe(401);
    expect((await call("GET", "/teams", { token: api.token })).status).toBe(200);

    expect(token.startsWith("scim_")).toBe(true);
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: tokenId } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.kind).toBe("SCIM");

    await revokeScimToken(admin, tokenId);
    expect((await scim("GET", "/Users", { token })).status).toBe(401);
    const calls = await db().auditEvent.count({ where: { organizationId: admin.orgId, action: "scim.call" } });
    expect(calls).toBeGreaterThanOrEqual(2);
  });

  it("stops working when its creator is no longer an active admin", async () => {
    const { s, token } = await org();
    await db().membership.update({ where: { id: s.admin.membership.id }, data: { role: "LEADER" } });
    expect((await scim("GET", "/Users", { token })).status).toBe(401);
  });

  it("answers the service provider configuration", async () => {
    const { token } = await org();
    const cfg = await scim("GET", "/ServiceProviderConfig", { token });
    expect(cfg.status).toBe(200);
    expect(cfg.body.patch.supported).toBe(true);
    expect(cfg.body.filter.supported).toBe(true);
  });
});

describe("Okta's user lifecycle", () => {
  it("looks up, creates, reads, renames with PUT, deactivates and reactivates with PATCH", async () => {
    const { s, token } = await org();
    const address = email("ines");
    const lookup = await scim(
      "GET",
      `/Users?filter=${encodeURIComponent(`userName eq "${address}"`)}&startIndex=1&count=100`,
      {
        token,
      },
    );
    expect(lookup.status).toBe(200);
    expect(lookup.body).toMatchObject({ schemas: [SCIM_LIST], totalResults: 0, Resources: [] });

    const created = await scim("POST", "/Users", { token, body: oktaUser(address) });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.headers.get("location")).toBe(`http://localhost/scim/v2/Users/${id}`);
    expect(created.body).toMatchObject({ userName: address, displayName: "Ines Alvarez", active: true });
    const m = await db().membership.findUniqueOrThrow({ where: { id }, include: { user: true } });
    expect(m).toMatchObject({ organizationId: s.org.id, role: "MEMBER", status: "ACTIVE" });
    expect(m.user).toMatchObject({ email: address, name: "Ines Alvarez", passwordHash: "" });

    const found = await scim("GET", `/Users?filter=${encodeURIComponent(`userName eq "${address.toUpperCase()}"`)}`, {
      token,
    });
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0].id).toBe(id);
    expect((await scim("GET", `/Users/${id}`, { token })).body.name).toMatchObject({
      givenName: "Ines",
      familyName: "Alvarez",
    });

    // The same person again: 409 uniqueness, nothing new.
    const again = await scim("POST", "/Users", { token, body: oktaUser(address) });
    expect(again.status).toBe(409);
    expect(again.body.scimType).toBe("uniqueness");

    // Rename (Okta sends the whole profile with PUT).
    const renamed = await scim("PUT", `/Users/${id}`, {
      token,
      body: oktaUser(address, { name: { givenName: "Ines", familyName: "García" }, displayName: "Ines García" }),
    });
    expect(renamed.status).toBe(200);
    expect((await db().user.findUniqueOrThrow({ where: { id: m.userId } })).name).toBe("Ines García");

    // Deactivate: disabled, and signed out everywhere.
    await db().authSession.create({ data: { userId: m.userId } });
    const off = await scim("PATCH", `/Users/${id}`, {
      token,
      body: patchOp({ op: "replace", value: { active: false } }),
    });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await db().membership.findUniqueOrThrow({ where: { id } })).status).toBe("DISABLED");
    expect(await db().authSession.count({ where: { userId: m.userId } })).toBe(0);
    expect((await db().user.findUniqueOrThrow({ where: { id: m.userId } })).sessionVersion).toBe(
      m.user.sessionVersion + 1,
    );
    expect(await contextFor(m.userId, s.org.id).catch(() => null)).toBeNull();

    const on = await scim("PATCH", `/Users/${id}`, {
      token,
      body: patchOp({ op: "replace", value: { active: true } }),
    });
    expect(on.body.active).toBe(true);
    expect((await contextFor(m.userId, s.org.id)).membershipId).toBe(id);
    const actions = (
      await db().auditEvent.findMany({ where: { organizationId: s.org.id, targetId: id }, select: { action: true } })
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(["scim.user.create", "scim.user.update", "membership.disable", "membership.enable"]),
    );
  });

  it("pushes a group as a team, adds and removes its members, renames it, and archives it on delete", async () => {
    const { s, token } = await org();
    const a = (await scim("POST", "/Users", { token, body: oktaUser(email("a")) })).body.id as string;
    const b = (await scim("POST", "/Users", { token, body: oktaUser(email("b")) })).body.id as string;
    const made = await scim("POST", "/Groups", {
      token,
      body: { schemas: ["urn:ietf:params:scim:schemas:core:2.0:Group"], displayName: "Claims Desk", members: [] },
    });
    expect(made.status).toBe(201);
    const gid = made.body.id as string;
    const team = await db().team.findUniqueOrThrow({ where: { id: gid } });
    expect(team).toMatchObject({ organizationId: s.org.id, name: "Claims Desk", kind: "TEAM" });

    await scim("PATCH", `/Groups/${gid}`, {
      token,
      body: patchOp({ op: "add", path: "members", value: [{ value: a, display: "a" }, { value: b }] }),
    });
    expect(
      (await scim("GET", `/Groups/${gid}`, { token })).body.members.map((m: { value: string }) => m.value).sort(),
    ).toEqual([a, b].sort());
    await scim("PATCH", `/Groups/${gid}`, { token, body: patchOp({ op: "remove", path: `members[value eq "${a}"]` }) });
    await scim("PATCH", `/Groups/${gid}`, {
      token,
      body: patchOp({ op: "replace", value: { id: gid, displayName: "Claims Desk North" } }),
    });
    const now = await scim("GET", `/Groups/${gid}`, { token });
    expect(now.body.displayName).toBe("Claims Desk North");
    expect(now.body.members.map((m: { value: string }) => m.value)).toEqual([b]);
    const lean = await scim(
      "GET",
      `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "claims desk north"')}`,
      {
        token,
      },
    );
    expect(lean.body.totalResults).toBe(1);
    expect(lean.body.Resources[0].members).toBeUndefined();

    // A name another team has is a 409.
    const taken = await scim("PATCH", `/Groups/${gid}`, {
      token,
      body: patchOp({ op: "replace", path: "displayName", value: s.team.name }),
    });
    expect(taken.status).toBe(409);

    expect((await scim("DELETE", `/Groups/${gid}`, { token })).status).toBe(204);
    expect((await scim("GET", `/Groups/${gid}`, { token })).status).toBe(404);
    const archived = await db().team.findUniqueOrThrow({ where: { id: gid } });
    expect(archived.archivedAt).not.toBeNull();
    // Pushed again, the archived team comes back with its history.
    const back = await scim("POST", "/Groups", { token, body: { displayName: "Claims Desk North" } });
    expect(back.status).toBe(201);
    expect(back.body.id).toBe(gid);
  });
});

describe("Entra ID's user lifecycle", () => {
  it("creates with an externalId, renames and deactivates with its PATCH dialect, deletes, and re-creates", async () => {
    const { s, token } = await org();
    const address = email("noor");
    const externalId = "8a3f2c1e-0000-4000-8000-00000000000" + (n % 10);
    const created = await scim("POST", "/Users", {
      token,
      body: {
        schemas: [SCIM_USER, "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
        externalId,
        userName: address,
        active: true,
        displayName: "Noor Haddad",
        emails: [{ primary: true, type: "work", value: address }],
        name: { formatted: "Noor Haddad", familyName: "Haddad", givenName: "Noor" },
        "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User": { department: "Claims" },
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const byExternal = await scim("GET", `/Users?filter=${encodeURIComponent(`externalId eq "${externalId}"`)}`, {
      token,
    });
    expect(byExternal.body.Resources.map((r: { id: string }) => r.id)).toEqual([id]);

    // Entra ID names ops with capitals and sends booleans as strings.
    const renamed = await scim("PATCH", `/Users/${id}`, {
      token,
      body: patchOp(
        { op: "Replace", path: "name.familyName", value: "Haddad-Kim" },
        { op: "Add", path: "title", value: "Claims lead" },
      ),
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body.displayName).toBe("Noor Haddad-Kim");
    const off = await scim("PATCH", `/Users/${id}`, {
      token,
      body: patchOp({ op: "Replace", path: "active", value: "False" }),
    });
    expect(off.body.active).toBe(false);

    const userId = (await db().membership.findUniqueOrThrow({ where: { id } })).userId;
    await db().authSession.create({ data: { userId } });
    expect((await scim("DELETE", `/Users/${id}`, { token })).status).toBe(204);
    expect((await scim("GET", `/Users/${id}`, { token })).status).toBe(404);
    expect(
      (await scim("PATCH", `/Users/${id}`, { token, body: patchOp({ op: "Replace", path: "active", value: "True" }) }))
        .status,
    ).toBe(404);
    expect(await db().authSession.count({ where: { userId } })).toBe(0);
    const gone = await db().membership.findUniqueOrThrow({ where: { id } });
    expect(gone.status).toBe("DISABLED");
    expect(gone.scimDeletedAt).not.toBeNull();
    expect(
      (await scim("GET", `/Users?filter=${encodeURIComponent(`userName eq "${address}"`)}`, { token })).body
        .totalResults,
    ).toBe(0);

    // Assigned again: the same membership comes back, active.
    const again = await scim("POST", "/Users", {
      token,
      body: { userName: address, displayName: "Noor Haddad-Kim", externalId },
    });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(id);
    expect(again.body.active).toBe(true);
    expect((await contextFor(userId, s.org.id)).membershipId).toBe(id);
  });

  it("answers Entra ID's validator: an unknown user filter is an empty list, an unknown id a 404, a bad filter invalidFilter", async () => {
    const { token } = await org();
    const empty = await scim("GET", `/Users?filter=${encodeURIComponent('userName eq "nobody-7f1e@scim.example"')}`, {
      token,
    });
    expect(empty.body.totalResults).toBe(0);
    expect((await scim("GET", "/Users/cmissing000000000000000000", { token })).status).toBe(404);
    const bad = await scim("GET", `/Users?filter=${encodeURIComponent('title co "x"')}`, { token });
    expect(bad.status).toBe(400);
    expect(bad.body.scimType).toBe("invalidFilter");
    const notEmail = await scim("POST", "/Users", { token, body: { userName: "not an address" } });
    expect(notEmail.status).toBe(400);
    expect(notEmail.body.scimType).toBe("invalidValue");
    expect((await scim("POST", "/Users", { token, rawBody: "{", contentType: "application/scim+json" })).status).toBe(
      400,
    );
    expect((await scim("POST", "/Users", { token, rawBody: "userName=x", contentType: "text/plain" })).status).toBe(
      415,
    );
  });
});

describe("accounts shared with another organisation", () => {
  it("joins an existing account without renaming it, tells them by e-mail, and keeps their other organisation's session", async () => {
    const { s, token } = await org();
    const elsewhere = await buildOrganization(db());
    const person = await buildMember(db(), elsewhere.id, "MEMBER");
    const created = await scim("POST", "/Users", {
      token,
      body: oktaUser(person.user.email, {
        displayName: "Someone Else",
        name: { givenName: "Someone", familyName: "Else" },
      }),
    });
    expect(created.status).toBe(201);
    expect(created.body.displayName).toBe(person.user.name);
    expect(
      await db().mailMessage.count({
        where: { organizationId: s.org.id, toAddress: person.user.email, kind: "member.added" },
      }),
    ).toBe(1);
    // The e-mail address is the account's own: not the provider's to change.
    const moved = await scim("PATCH", `/Users/${created.body.id}`, {
      token,
      body: patchOp({ op: "replace", path: "userName", value: email("moved") }),
    });
    expect(moved.status).toBe(400);
    expect(moved.body.scimType).toBe("mutability");
    await db().authSession.create({ data: { userId: person.user.id } });
    await scim("PATCH", `/Users/${created.body.id}`, {
      token,
      body: patchOp({ op: "replace", path: "active", value: false }),
    });
    expect(await db().authSession.count({ where: { userId: person.user.id } })).toBe(1);
    expect((await contextFor(person.user.id, elsewhere.id)).orgId).toBe(elsewhere.id);
  });

  it("never disables the organisation's last active admin", async () => {
    const { s, token } = await org();
    const res = await scim("PATCH", `/Users/${s.admin.membership.id}`, {
      token,
      body: patchOp({ op: "replace", path: "active", value: false }),
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/last active admin/);
    expect((await db().membership.findUniqueOrThrow({ where: { id: s.admin.membership.id } })).status).toBe("ACTIVE");
    expect((await scim("DELETE", `/Users/${s.admin.membership.id}`, { token })).status).toBe(400);
  });

  it("changes nothing of a PUT it refuses: the last admin keeps their name, address and externalId", async () => {
    const { s, token } = await org();
    const renamed = email("renamed");
    const res = await scim("PUT", `/Users/${s.admin.membership.id}`, {
      token,
      body: oktaUser(renamed, { active: false, name: { givenName: "Changed", familyName: "Name" } }),
    });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/last active admin/);
    const after = await db().membership.findUniqueOrThrow({
      where: { id: s.admin.membership.id },
      select: { status: true, externalId: true, user: { select: { name: true, email: true } } },
    });
    expect(after).toEqual({
      status: "ACTIVE",
      externalId: null,
      user: { name: s.admin.user.name, email: s.admin.user.email },
    });
    expect(await db().auditEvent.count({ where: { organizationId: s.org.id, action: "scim.user.update" } })).toBe(0);
  });
});

describe("another organisation's ids", () => {
  it("are 404 for every user and group route, cannot join a group, and are never listed", async () => {
    const mine = await org();
    const theirs = await org();
    const theirMember = theirs.s.member.membership.id;
    const theirTeam = theirs.s.team.id;
    for (const [method, path, body] of [
      ["GET", `/Users/${theirMember}`, undefined],
      ["PUT", `/Users/${theirMember}`, oktaUser(theirs.s.member.user.email)],
      ["PATCH", `/Users/${theirMember}`, patchOp({ op: "replace", path: "active", value: false })],
      ["DELETE", `/Users/${theirMember}`, undefined],
      ["GET", `/Groups/${theirTeam}`, undefined],
      ["PUT", `/Groups/${theirTeam}`, { displayName: "Taken over" }],
      ["PATCH", `/Groups/${theirTeam}`, patchOp({ op: "replace", path: "displayName", value: "Taken over" })],
      ["DELETE", `/Groups/${theirTeam}`, undefined],
    ] as const)
      expect((await scim(method, path, { token: mine.token, body })).status, `${method} ${path}`).toBe(404);

    const g = (await scim("POST", "/Groups", { token: mine.token, body: { displayName: "Mine" } })).body.id as string;
    const join = await scim("PATCH", `/Groups/${g}`, {
      token: mine.token,
      body: patchOp({ op: "add", path: "members", value: [{ value: theirMember }] }),
    });
    expect(join.status).toBe(400);
    expect(await db().teamMember.count({ where: { teamId: g } })).toBe(0);

    const listed = await scim("GET", "/Users?count=200", { token: mine.token });
    const ids = listed.body.Resources.map((r: { id: string }) => r.id);
    expect(ids).not.toContain(theirMember);
    expect(ids).toContain(mine.s.member.membership.id);
    expect(await db().membership.findUniqueOrThrow({ where: { id: theirMember } })).toMatchObject({ status: "ACTIVE" });
    expect((await db().team.findUniqueOrThrow({ where: { id: theirTeam } })).archivedAt).toBeNull();
  });
});

describe("paging", () => {
  it("pages with startIndex and count, and reports the total", async () => {
    const { token } = await org();
    for (let i = 0; i < 3; i++) await scim("POST", "/Users", { token, body: oktaUser(email(`p${i}`)) });
    const all = await scim("GET", "/Users", { token });
    const total = all.body.totalResults as number;
    expect(total).toBe(7); // the scenario's four people and three new ones
    const page = await scim("GET", "/Users?startIndex=3&count=2", { token });
    expect(page.body).toMatchObject({ totalResults: total, startIndex: 3, itemsPerPage: 2 });
    expect(page.body.Resources.map((r: { id: string }) => r.id)).toEqual(
      all.body.Resources.slice(2, 4).map((r: { id: string }) => r.id),
    );
    expect((await scim("GET", "/Users?count=0", { token })).body).toMatchObject({ totalResults: total, Resources: [] });
  });
});

describe("races", () => {
  it("creates one membership when a provider sends the same new person twice at once", async () => {
    for (let round = 0; round < 10; round++) {
      const { s, token } = await org();
      const address = email(`race${round}`);
      const replies = await Promise.all(
        [0, 1, 2].map(() => scim("POST", "/Users", { token, body: oktaUser(address) })),
      );
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
      expect(await db().membership.count({ where: { organizationId: s.org.id, user: { email: address } } })).toBe(1);
      expect(await db().user.count({ where: { email: address } })).toBe(1);
    }
  });

  it("keeps every member when a group's adds arrive at once", async () => {
    const { token } = await org();
    const people = await Promise.all(
      [0, 1, 2, 3, 4].map(
        async (i) => (await scim("POST", "/Users", { token, body: oktaUser(email(`g${i}`)) })).body.id as string,
      ),
    );
    for (let round = 0; round < 5; round++) {
      const g = (await scim("POST", "/Groups", { token, body: { displayName: `Race ${round} ${n++}` } })).body
        .id as string;
      const replies = await Promise.all(
        people.map((p) =>
          scim("PATCH", `/Groups/${g}`, {
            token,
            body: patchOp({ op: "add", path: "members", value: [{ value: p }] }),
          }),
        ),
      );
      expect(replies.every((r) => r.status === 200)).toBe(true);
      expect(await db().teamMember.count({ where: { teamId: g } })).toBe(people.length);
    }
  });
});

it("a team built by an admin is a group the provider can manage", async () => {
  const { s, token } = await org();
  const t = await buildTeam(db(), s.org.id, { name: `Built ${n++}` });
  const got = await scim("GET", `/Groups/${t.id}`, { token });
  expect(got.status).toBe(200);
  expect(got.body.displayName).toBe(t.name);
});
