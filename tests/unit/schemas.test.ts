import { describe, expect, it } from "vitest";
import { NewAccountFromInvite, SignUpInput } from "@/lib/schemas/auth";
import { InviteInput } from "@/lib/schemas/members";
import { zodFieldErrors } from "@/lib/schemas/action-result";

const valid = {
  name: "Grace Hopper",
  email: " Grace@Example.com ",
  password: "a-long-passphrase",
  organizationName: "Acme",
};

function errorsOf(input: unknown) {
  const r = SignUpInput.safeParse(input);
  return r.success ? {} : zodFieldErrors(r.error);
}

describe("sign-up input", () => {
  it("normalises the e-mail", () => {
    expect(SignUpInput.parse(valid).email).toBe("grace@example.com");
  });
  it("names each bad field with a message a person understands", () => {
    expect(errorsOf({ ...valid, name: "  " })).toEqual({ name: "Enter your name." });
    expect(errorsOf({ ...valid, email: "not-an-email" }).email).toMatch(/valid e-mail/);
    expect(errorsOf({ ...valid, password: "short" })).toEqual({ password: "Use at least 8 characters." });
    expect(errorsOf({ ...valid, password: "x".repeat(129) })).toEqual({ password: "Use at most 128 characters." });
    expect(errorsOf({ ...valid, organizationName: "A" })).toEqual({ organizationName: "Use at least 2 characters." });
    expect(errorsOf({ ...valid, organizationName: " " })).toEqual({ organizationName: "Name your organisation." });
    expect(errorsOf({ ...valid, password: "grace@example.com" })).toEqual({
      password: "Your password cannot be your e-mail address.",
    });
  });
  it("rejects control characters and wrong types", () => {
    expect(errorsOf({ ...valid, name: "Eve\u202Eevil" })).toEqual({ name: "Remove control characters." });
    expect(errorsOf({ ...valid, name: 42 }).name).toBeDefined();
    expect(Object.keys(errorsOf({}))).toEqual(["name", "email", "password", "organizationName"]);
  });
});

describe("joining by invitation", () => {
  it("applies the same password rules as sign-up", () => {
    const r = NewAccountFromInvite.safeParse({
      name: "Kim",
      email: "kim@example.com",
      password: "KIM@example.com",
      token: "t".repeat(20),
    });
    expect(r.success ? {} : zodFieldErrors(r.error)).toEqual({
      password: "Your password cannot be your e-mail address.",
    });
  });
});

describe("invite input", () => {
  it("accepts a role with an optional e-mail", () => {
    expect(InviteInput.parse({ role: "MEMBER", email: "" })).toEqual({ role: "MEMBER", email: undefined });
    expect(InviteInput.parse({ role: "LEADER", email: "Kim@Example.com" })).toEqual({
      role: "LEADER",
      email: "kim@example.com",
    });
    expect(InviteInput.safeParse({ role: "OWNER" }).success).toBe(false);
    expect(InviteInput.safeParse({ role: "MEMBER", email: "nope" }).success).toBe(false);
  });
});
