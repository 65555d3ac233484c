// The shape of a row of the role × action matrix, and the helpers that swap ids across organisations.
import { ROLES, type Permission, type Role } from "@/lib/domain/roles";
import type { MemberContext } from "@/lib/server/data/accounts";
import type { Person, Side } from "./matrix-scenario";

/**
 * How a call with another organisation's id must fail: exactly as with an id that never existed.
 * not-found: NotFoundError (the record named by the URL or form); rule: the same RuleError on the
 * same field (a reference the form names); same: the same result (a filter narrows to nothing).
 */
export type Expect = "not-found" | "rule" | "same";

/** An id parameter: by default `param` is its path in the input object (an array of ids gets one id). */
export interface IdParam<I> {
  param: string;
  expect: Expect;
  /** Organisation A's valid input with this parameter taken from organisation B's valid input. */
  swap?(a: I, b: I): I;
  /** Organisation A's valid input with this parameter replaced by an id that never existed. */
  random?(a: I, id: string): I;
}

export interface Row<I> {
  /** The server action's name in src/lib/actions, or null for a read that a page or route makes. */
  action: string | null;
  /** The action's file, or the page/route that makes the read. */
  surface: string;
  /** Distinguishes rows of one action (e.g. the kind of record deleted). */
  variant?: string;
  /** What the action's requireMember (or the page's check) asks; null: any member, the data layer decides. */
  requires: Permission | null;
  /** Why the allowed roles differ from `requires` (required when `requires` is null). */
  note?: string;
  /** The data-layer function: "<file in src/lib/server/data>.<function>". */
  data: string;
  kind: "write" | "read";
  allowed: readonly Role[];
  setup(s: Side, me: Person): Promise<I>;
  call(ctx: MemberContext, input: NoInfer<I>): Promise<unknown>;
  ids?: IdParam<NoInfer<I>>[];
}

export const at = (path: string, expect: Expect): IdParam<never> => ({ param: path, expect });

export const getPath = (o: unknown, keys: string[]) =>
  keys.reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o);
export function putPath<I>(o: I, keys: string[], v: unknown): I {
  const copy = structuredClone(o);
  const parent = keys
    .slice(0, -1)
    .reduce<Record<string, unknown>>((x, k) => x[k] as Record<string, unknown>, copy as Record<string, unknown>);
  parent[keys.at(-1)!] = v;
  return copy;
}

export function swapId<I>(p: IdParam<I>, a: I, b: I): I {
  return p.swap ? p.swap(a, b) : putPath(a, p.param.split("."), getPath(b, p.param.split(".")));
}

export function randomizeId<I>(p: IdParam<I>, a: I, id: string): I {
  if (p.random) return p.random(a, id);
  const keys = p.param.split(".");
  return putPath(a, keys, Array.isArray(getPath(a, keys)) ? [id] : id);
}

/** An observation is named by its id and the undo token that goes with it: take both from B. */
export const observationId = <I extends { id: string; token: string }>(): IdParam<I> => ({
  param: "id (with its undo token)",
  expect: "not-found",
  swap: (a, b) => ({ ...a, id: b.id, token: b.token }),
  random: (a, id) => ({ ...a, id }),
});

export const row = <I>(r: Row<I>): Row<unknown> => r as Row<unknown>;
export const ALL = ROLES;
export const EDITORS = ["ADMIN", "LEADER"] as const;
export const MANAGERS = ["ADMIN", "LEADER", "MANAGER"] as const;
export const ADMINS = ["ADMIN"] as const;
export const A = (file: string) => `src/lib/actions/${file}.ts`;

/**
 * Actions that ask for no permission: the caller has no organisation yet, or acts only on their
 * own account. Each is covered by accounts.test.ts / members.test.ts.
 */
export const NO_PERMISSION_ACTIONS: Record<string, string> = {
  signUpAction: "creates a new user and their own organisation",
  acceptInviteAsNewUserAction: "a new person accepts an invitation link; the token is the authority",
  acceptInviteAction: "a signed-in user accepts an invitation link; the token is the authority",
  switchOrganizationAction: "only ever to an organisation the user is an active member of (memberContext)",
  createOrganizationAction: "any signed-in user may start another organisation, becoming its admin",
  resetPasswordAction: "whoever holds a one-time reset link an admin made; the token is the authority",
  updateProfileNameAction: "the caller's own account only (profile.test.ts)",
  changeEmailAction: "the caller's own account only, with its current password (profile.test.ts)",
  changePasswordAction: "the caller's own account only, with its current password (profile.test.ts)",
  endOtherSessionsAction: "the caller's own sessions only (profile.test.ts)",
  signOutEverywhereAction: "the caller's own sessions only (profile.test.ts)",
  forgotPasswordAction:
    "anyone may ask for a reset link; it goes only to the account's own address (mail-accounts.test.ts)",
  setOwnTimeZoneAction: "the caller's own display zone only (time-zones.test.ts)",
};

export const rowLabel = (r: Row<unknown>) =>
  `${r.action ?? r.surface}${r.variant ? ` [${r.variant}]` : ""} → ${r.data}`;

/** The least privileged role a row allows (ROLES runs from most to least privileged). */
export const leastAllowed = (r: Row<unknown>): Role => [...ROLES].reverse().find((role) => r.allowed.includes(role))!;
