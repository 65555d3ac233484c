// The one action shape (src/lib/server/action.ts): parse → caller → one data call → after, with
// errors mapped by class. publicFormAction needs no session, so the shape is tested here whole.
import { describe, expect, it, vi } from "vitest";
import { z } from "@/lib/schemas/zod";
import { publicFormAction } from "@/lib/server/action";
import { failureFrom } from "@/lib/server/action-errors";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const Input = z.object({ name: z.string().min(2, "Too short.") });

describe("failureFrom", () => {
  it("maps each error class to what a form shows", () => {
    expect(failureFrom(new RuleError("Taken.", "name"))).toEqual({ ok: false, fieldErrors: { name: "Taken." } });
    expect(failureFrom(new RuleError("Not now."))).toEqual({ ok: false, formError: "Not now." });
    expect(failureFrom(new ForbiddenError())).toEqual({
      ok: false,
      formError: "You do not have permission to do that.",
    });
    expect(failureFrom(new NotFoundError())).toEqual({ ok: false, formError: "That item no longer exists." });
    expect(failureFrom(new NotFoundError(), "That entry can no longer be undone.")).toEqual({
      ok: false,
      formError: "That entry can no longer be undone.",
    });
  });

  it("never shows an unexpected error's message, and lets redirect() through", () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const failure = failureFrom(new Error('relation "User" does not exist at /srv/app.js:1'));
    expect(failure.formError).toBe("Something went wrong on our side. Nothing was changed; please try again.");
    expect(JSON.stringify(failure)).not.toContain("relation");
    log.mockRestore();
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/x;307;" });
    expect(() => failureFrom(redirect)).toThrow(redirect);
  });
});

describe("an action", () => {
  it("returns field errors and calls nothing when the input does not parse", async () => {
    const run = vi.fn();
    const action = publicFormAction({ schema: Input, run });
    expect(await action(null, form({ name: "x" }))).toEqual({ ok: false, fieldErrors: { name: "Too short." } });
    expect(run).not.toHaveBeenCalled();
  });

  it("can answer bad input with one message, or with the message beside the field errors", async () => {
    const run = vi.fn();
    const only = publicFormAction({ schema: Input, invalid: { formError: "Choose one." }, run });
    expect(await only(null, form({}))).toEqual({ ok: false, formError: "Choose one." });
    const both = publicFormAction({ schema: Input, invalid: { formError: "Check the fields.", fields: true }, run });
    expect(await both(null, form({}))).toEqual({
      ok: false,
      formError: "Check the fields.",
      fieldErrors: { name: expect.any(String) },
    });
  });

  it("passes the parsed input to the data call and runs `after` only on success", async () => {
    const after = vi.fn();
    const ok = publicFormAction({ schema: Input, run: async (_, { name }) => name.toUpperCase(), after });
    expect(await ok(null, form({ name: "ada", extra: "ignored" }))).toEqual({ ok: true, data: "ADA" });
    expect(after).toHaveBeenCalledWith("ADA", { name: "ada" });

    after.mockClear();
    const refused = publicFormAction({
      schema: Input,
      run: () => Promise.reject(new RuleError("That name is taken.", "name")),
      after,
    });
    expect(await refused(null, form({ name: "ada" }))).toEqual({
      ok: false,
      fieldErrors: { name: "That name is taken." },
    });
    expect(after).not.toHaveBeenCalled();
  });

  it("maps a missing record to the action's own message", async () => {
    const action = publicFormAction({
      schema: Input,
      notFound: "That entry can no longer be changed.",
      run: () => Promise.reject(new NotFoundError()),
    });
    expect(await action(null, form({ name: "ada" }))).toEqual({
      ok: false,
      formError: "That entry can no longer be changed.",
    });
  });
});
