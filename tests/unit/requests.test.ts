import { afterEach, describe, expect, it, vi } from "vitest";
import { CONNECTION_ERROR, fingerprintOf, keyFor, settle } from "@/lib/domain/requests";

afterEach(() => vi.useRealTimers());

describe("settle", () => {
  it("passes an answer through, failures included (a validation error is the server's answer)", async () => {
    const answer = { ok: false, fieldErrors: { title: "Give it a title." } };
    expect(await settle(() => Promise.resolve(answer))).toBe(answer);
  });

  it("turns a thrown request (network error, a 500) into a form-level failure with Retry", async () => {
    const reported: unknown[] = [];
    const result = await settle(() => Promise.reject(new TypeError("Failed to fetch")), {
      report: (e) => reported.push(e),
    });
    expect(result).toEqual({ ok: false, formError: CONNECTION_ERROR, retry: true });
    expect(reported).toHaveLength(1);
  });

  it("throws on what the framework must handle (a redirect after success)", async () => {
    const redirect = new Error("NEXT_REDIRECT");
    const rethrow = (e: unknown) => {
      if (e === redirect) throw e;
    };
    await expect(settle(() => Promise.reject(redirect), { rethrow })).rejects.toBe(redirect);
  });

  it("gives up on a request that has not answered in time, and ignores its late answer", async () => {
    vi.useFakeTimers();
    let answer: (v: { ok: true }) => void = () => undefined;
    const slow = new Promise<{ ok: true }>((resolve) => (answer = resolve));
    const result = settle(() => slow, { timeoutMs: 20_000 });
    let settled = false;
    void result.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(19_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await result).toEqual({ ok: false, formError: CONNECTION_ERROR, retry: true });
    answer({ ok: true });
  });

  it("does not time out an answer that comes in time", async () => {
    vi.useFakeTimers();
    const result = settle(() => new Promise((r) => setTimeout(() => r({ ok: true }), 500)), { timeoutMs: 20_000 });
    await vi.advanceTimersByTimeAsync(500);
    expect(await result).toEqual({ ok: true });
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("keyFor", () => {
  let n = 0;
  const make = () => `key-${++n}`;

  it("keeps the key while the same content is sent again, so a retry is saved once", () => {
    const first = keyFor(null, "A", make);
    expect(keyFor(first, "A", make)).toBe(first);
  });

  it("gives changed content a new key, so a corrected entry is not taken for the failed one", () => {
    const first = keyFor(null, "A", make);
    const second = keyFor(first, "B", make);
    expect(second.key).not.toBe(first.key);
    expect(second.fingerprint).toBe("B");
  });
});

describe("fingerprintOf", () => {
  it("ignores field order and the key field, and tells different values apart", () => {
    const a = fingerprintOf(
      [
        ["performed", "4"],
        ["idempotencyKey", "x"],
        ["note", "n"],
      ],
      "idempotencyKey",
    );
    const b = fingerprintOf(
      [
        ["note", "n"],
        ["performed", "4"],
        ["idempotencyKey", "y"],
      ],
      "idempotencyKey",
    );
    expect(a).toBe(b);
    expect(fingerprintOf([["performed", "5"]], "k")).not.toBe(fingerprintOf([["performed", "4"]], "k"));
  });
});
