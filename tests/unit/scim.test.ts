import { describe, expect, it } from "vitest";
import {
  fullName,
  groupFromBody,
  membersAfter,
  pageOf,
  parseEqFilter,
  patchGroup,
  patchUser,
  ScimError,
  splitName,
  userFromBody,
  type ScimUserState,
} from "@/lib/domain/scim";

const ines: ScimUserState = {
  userName: "ines@example.com",
  displayName: "Ines Alvarez",
  givenName: "Ines",
  familyName: "Alvarez",
  active: true,
  externalId: null,
};
const ops = (...Operations: unknown[]) => ({ Operations });
const refused = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    if (e instanceof ScimError) return { status: e.status, scimType: e.scimType };
    throw e;
  }
  return null;
};

describe("filters", () => {
  it('reads attribute eq "value" in any case, with escaped quotes', () => {
    expect(parseEqFilter('userName eq "a@b.example"', ["username"])).toEqual({
      attribute: "username",
      value: "a@b.example",
    });
    expect(parseEqFilter('  DisplayName EQ "Team \\"A\\""  ', ["displayname"])).toEqual({
      attribute: "displayname",
      value: 'Team "A"',
    });
  });
  it("refuses other operators and attributes with invalidFilter", () => {
    expect(refused(() => parseEqFilter('userName co "a"', ["username"]))).toEqual({
      status: 400,
      scimType: "invalidFilter",
    });
    expect(refused(() => parseEqFilter('title eq "a"', ["username"]))).toEqual({
      status: 400,
      scimType: "invalidFilter",
    });
    expect(refused(() => parseEqFilter('userName eq "a" and active eq true', ["username"]))?.scimType).toBe(
      "invalidFilter",
    );
  });
});

describe("paging", () => {
  it("is 1-based, bounded, and reads nonsense as the default", () => {
    expect(pageOf({})).toEqual({ skip: 0, take: 100 });
    expect(pageOf({ startIndex: "3", count: "2" })).toEqual({ skip: 2, take: 2 });
    expect(pageOf({ startIndex: "0", count: "-5" })).toEqual({ skip: 0, take: 0 });
    expect(pageOf({ startIndex: "x", count: "100000" })).toEqual({ skip: 0, take: 200 });
  });
});

describe("users", () => {
  it("reads a POST body: userName required, active true unless said, names from parts or formatted", () => {
    expect(userFromBody({ userName: "a@b.example", name: { givenName: "Ana", familyName: "Silva" } })).toMatchObject({
      active: true,
      givenName: "Ana",
      familyName: "Silva",
      displayName: "",
    });
    expect(fullName(userFromBody({ userName: "a@b.example", name: { givenName: "Ana", familyName: "Silva" } }))).toBe(
      "Ana Silva",
    );
    expect(fullName(userFromBody({ userName: "a@b.example", name: { formatted: "Dr Ana Silva" } }))).toBe(
      "Dr Ana Silva",
    );
    expect(fullName(userFromBody({ userName: "ana@b.example" }))).toBe("ana");
    expect(userFromBody({ userName: "a@b.example", active: "False" }).active).toBe(false);
    expect(refused(() => userFromBody({ name: {} }))).toEqual({ status: 400, scimType: "invalidValue" });
    expect(refused(() => userFromBody({ userName: "a@b.example", active: "maybe" }))?.scimType).toBe("invalidValue");
  });

  it("applies Okta's path-less replace and Entra ID's capitalised ops with string booleans", () => {
    expect(patchUser(ines, ops({ op: "replace", value: { active: false } })).active).toBe(false);
    expect(patchUser(ines, ops({ op: "Replace", path: "active", value: "False" })).active).toBe(false);
    expect(patchUser({ ...ines, active: false }, ops({ op: "Replace", path: "active", value: "True" })).active).toBe(
      true,
    );
  });

  it("renames by the name's parts unless displayName is set in the same PATCH", () => {
    expect(patchUser(ines, ops({ op: "replace", path: "name.familyName", value: "García" })).displayName).toBe(
      "Ines García",
    );
    expect(
      patchUser(
        ines,
        ops(
          { op: "replace", path: "displayName", value: "Ines G." },
          { op: "replace", path: "name.familyName", value: "García" },
        ),
      ).displayName,
    ).toBe("Ines G.");
    expect(patchUser(ines, ops({ op: "replace", value: { "name.givenName": "Inés" } })).displayName).toBe(
      "Inés Alvarez",
    );
  });

  it("ignores attributes Conduct does not keep, and refuses what cannot be removed", () => {
    expect(patchUser(ines, ops({ op: "add", path: "title", value: "Lead" }))).toEqual(ines);
    expect(
      patchUser(
        ines,
        ops({ op: "replace", path: "urn:ietf:params:scim:schemas:core:2.0:User:externalId", value: "x1" }),
      ).externalId,
    ).toBe("x1");
    expect(refused(() => patchUser(ines, ops({ op: "remove", path: "active" })))?.scimType).toBe("mutability");
    expect(refused(() => patchUser(ines, ops({ op: "remove" })))?.scimType).toBe("noTarget");
    expect(refused(() => patchUser(ines, ops({ op: "move", path: "active", value: true })))?.scimType).toBe(
      "invalidSyntax",
    );
    expect(refused(() => patchUser(ines, {}))?.scimType).toBe("invalidSyntax");
  });

  it("splits a stored name into its first word and the rest", () => {
    expect(splitName("Ana Maria da Silva")).toEqual({ givenName: "Ana", familyName: "Maria da Silva" });
    expect(splitName("Cher")).toEqual({ givenName: "Cher", familyName: "" });
  });
});

describe("groups", () => {
  it("reads a group body, and refuses one without displayName or with members lacking ids", () => {
    expect(groupFromBody({ displayName: " Claims ", members: [{ value: "m1" }] })).toEqual({
      displayName: "Claims",
      externalId: null,
      members: ["m1"],
    });
    expect(refused(() => groupFromBody({}))?.scimType).toBe("invalidValue");
    expect(refused(() => groupFromBody({ displayName: "x", members: [{ display: "no id" }] }))?.scimType).toBe(
      "invalidValue",
    );
  });

  it("turns the providers' member operations into adds, removes and replacements", () => {
    const change = patchGroup(
      ops(
        { op: "add", path: "members", value: [{ value: "a" }, { value: "b" }] },
        { op: "remove", path: 'members[value eq "c"]' },
        { op: "Remove", path: "members", value: [{ value: "d" }] },
        { op: "replace", value: { id: "g", displayName: "New name" } },
      ),
    );
    expect(change).toMatchObject({ add: ["a", "b"], remove: ["c", "d"], displayName: "New name" });
    expect(membersAfter(["c", "d", "e"], change).sort()).toEqual(["a", "b", "e"]);
    expect(membersAfter(["x"], patchGroup(ops({ op: "replace", path: "members", value: [{ value: "y" }] })))).toEqual([
      "y",
    ]);
    expect(membersAfter(["x"], patchGroup(ops({ op: "remove", path: "members" })))).toEqual([]);
    expect(refused(() => patchGroup(ops({ op: "replace", path: "owner", value: "x" })))?.scimType).toBe("invalidPath");
    expect(refused(() => patchGroup(ops({ op: "remove", path: "displayName" })))?.scimType).toBe("mutability");
  });
});
