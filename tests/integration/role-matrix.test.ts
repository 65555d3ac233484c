// Issue 7, isolation and roles: walks the role × action matrix of support/matrix.ts. For every
// role, an allowed call resolves (and a write changes something); a refused call throws
// ForbiddenError and changes no row of any table. Then, for every id a data-layer function takes,
// a member of organisation A using organisation B's id fails exactly as with an id that never
// existed, and changes nothing. Each test builds its own organisations (the database is shared
// by the whole file). The last block fails when an action is added without a matrix row.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { can, ROLES } from "@/lib/domain/roles";
import { ForbiddenError, NotFoundError, RuleError } from "@/lib/server/errors";
import { dataCounts } from "./support/snapshot";
import { db } from "@/lib/server/db";
import {
  buildScenario,
  buildSide,
  leastAllowed,
  MATRIX,
  NO_PERMISSION_ACTIONS,
  OPEN_READS,
  randomId,
  rowFingerprint,
  rowLabel,
  randomizeId,
  swapId,
  type Row,
} from "./support/matrix";

const ROOT = path.resolve(import.meta.dirname, "../..");
const ACTIONS_DIR = path.join(ROOT, "src/lib/actions");

/** Every exported action of the action files (`export const x = formAction(…)` or a function), with its body. */
function serverActions(): { name: string; file: string; body: string }[] {
  return readdirSync(ACTIONS_DIR)
    .filter((f) => f.endsWith(".ts"))
    .flatMap((f) => {
      const text = readFileSync(path.join(ACTIONS_DIR, f), "utf8");
      const starts = [...text.matchAll(/export (?:async function|const) (\w+)/g)];
      return starts.map((m, i) => ({
        name: m[1]!,
        file: `src/lib/actions/${f}`,
        body: text.slice(m.index, starts[i + 1]?.index ?? text.length),
      }));
    });
}

const snapshot = async () => ({ counts: await dataCounts(), rows: await rowFingerprint() });

async function settle(p: Promise<unknown>): Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await p };
  } catch (error) {
    return { ok: false, error };
  }
}

const describeError = (r: Awaited<ReturnType<typeof settle>>) =>
  r.ok
    ? "resolved"
    : r.error instanceof Error
      ? `${r.error.constructor.name}: ${r.error.message}${r.error instanceof RuleError && r.error.field ? ` (${r.error.field})` : ""}`
      : String(r.error);

describe("the matrix covers every server action", () => {
  const actions = serverActions();

  it("has a row for every exported action, except the documented ones that need no permission", () => {
    const names = new Set(actions.map((a) => a.name));
    const covered = new Set(MATRIX.flatMap((r) => (r.action ? [r.action] : [])));
    expect(
      [...names].filter((n) => !covered.has(n) && !(n in NO_PERMISSION_ACTIONS)).sort(),
      "actions without a matrix row",
    ).toEqual([]);
    expect(
      [...covered, ...Object.keys(NO_PERMISSION_ACTIONS)].filter((n) => !names.has(n)).sort(),
      "rows or exemptions for actions that no longer exist",
    ).toEqual([]);
    expect(
      Object.keys(NO_PERMISSION_ACTIONS).filter((n) => covered.has(n)),
      "exempt actions that also have rows",
    ).toEqual([]);
  });

  it("documents, for each action, the permission its spec asks and the data function it calls", () => {
    const mismatches: string[] = [];
    for (const r of MATRIX.filter((x) => x.action)) {
      const a = actions.find((x) => x.name === r.action);
      if (!a) continue;
      if (a.file !== r.surface) mismatches.push(`${r.action}: in ${a.file}, the row says ${r.surface}`);
      // The permission an action's spec names (src/lib/server/action.ts): a string, or null for any member.
      const asked = [...a.body.matchAll(/\bpermission: (?:"([\w.]+)"|null)/g)].map((m) => m[1] ?? null);
      if (asked.length !== 1 || asked[0] !== r.requires)
        mismatches.push(`${r.action}: permission ${asked.join(", ")}, the row says ${r.requires}`);
      const fn = r.data.split(".")[1]!;
      if (!new RegExp(`\\b${fn}\\(`).test(a.body)) mismatches.push(`${r.action} does not call ${fn}`);
    }
    for (const name of Object.keys(NO_PERMISSION_ACTIONS)) {
      const a = actions.find((x) => x.name === name);
      if (a && /requireMember\(|\bpermission: /.test(a.body))
        mismatches.push(`${name} is exempt but asks for a member's permission`);
    }
    expect(mismatches).toEqual([]);
  });

  it("allows exactly the roles src/lib/domain/roles.ts gives the permission (or says why not)", () => {
    const disagreements = [...MATRIX, ...OPEN_READS].flatMap((r) => {
      if (r.requires === null)
        return r.note || OPEN_READS.includes(r) ? [] : [`${rowLabel(r)}: no permission and no note`];
      const expected = ROLES.filter((role) => can(role, r.requires!));
      return [...r.allowed].sort().join() === [...expected].sort().join()
        ? []
        : [`${rowLabel(r)}: allows ${r.allowed.join()}, ${r.requires} gives ${expected.join()}`];
    });
    expect(disagreements).toEqual([]);
  });

  it("names pages and routes that exist and make the read", () => {
    const missing = MATRIX.filter((r) => !r.action).flatMap((r) => {
      const m = /^(page|route) (\S+)$/.exec(r.surface);
      if (!m) return [];
      const file = path.join(ROOT, "src/app/(app)", m[2]!, m[1] === "page" ? "page.tsx" : "route.ts");
      const fn = r.data.split(".")[1]!;
      return existsSync(file) && readFileSync(file, "utf8").includes(fn)
        ? []
        : [`${rowLabel(r)}: ${path.relative(ROOT, file)}`];
    });
    expect(missing).toEqual([]);
  });
});

describe.each(MATRIX.map((r) => [rowLabel(r), r] as const))("%s", (_label, row) => {
  it.each(ROLES.map((role) => [role, row.allowed.includes(role) ? "allowed" : "refused"] as const))(
    "%s → %s",
    async (role, verdict) => {
      // One fresh organisation is enough here: the snapshots cover every table, other organisations included.
      const a = await buildSide("Org A");
      const me = a.people[role];
      const input = await row.setup(a, me);
      const before = await snapshot();
      const result = await settle(row.call(me.ctx, input));
      const after = await snapshot();
      if (verdict === "refused") {
        expect(result.ok ? "resolved" : result.error, describeError(result)).toBeInstanceOf(ForbiddenError);
        expect(after.counts).toEqual(before.counts);
        expect(after.rows).toEqual(before.rows);
        // The refusal itself is on the audit trail (the one table a refused call may write to).
        const denied = await db().auditEvent.findMany({
          where: { actorUserId: me.ctx.userId, outcome: "denied" },
          select: { action: true, organizationId: true },
        });
        expect(denied).toEqual([{ action: "access.denied", organizationId: me.ctx.orgId }]);
      } else {
        expect(result.ok, describeError(result)).toBe(true);
        if (row.kind === "write") expect(after.rows, "an allowed write changed no row").not.toEqual(before.rows);
        else expect(after.rows, "a read changed rows").toEqual(before.rows);
      }
    },
  );
});

// ---------------------------------------------------------------- across organisations

const CROSS = [...MATRIX, ...OPEN_READS].flatMap((row) =>
  (row.ids ?? []).map((id) => [`${row.data}(${id.param})${row.variant ? ` [${row.variant}]` : ""}`, row, id] as const),
);

describe("another organisation's id is exactly like an id that never existed", () => {
  it.each(CROSS)("%s", async (_label, row: Row<unknown>, id) => {
    const s = await buildScenario();
    const role = leastAllowed(row);
    const [inA, inB] = [await row.setup(s.a, s.a.people[role]), await row.setup(s.b, s.b.people[role])];
    const before = await snapshot();
    const foreign = await settle(row.call(s.a.people[role].ctx, swapId(id, inA, inB)));
    const missing = await settle(row.call(s.a.people[role].ctx, randomizeId(id, inA, randomId())));
    const after = await snapshot();
    expect(after.counts).toEqual(before.counts);
    expect(after.rows).toEqual(before.rows);

    if (id.expect === "same") {
      expect(foreign.ok && missing.ok, `${describeError(foreign)} / ${describeError(missing)}`).toBe(true);
      expect(foreign.ok && foreign.value).toEqual(missing.ok && missing.value);
    } else {
      const type = id.expect === "not-found" ? NotFoundError : RuleError;
      expect(foreign.ok ? "resolved" : foreign.error, `foreign id: ${describeError(foreign)}`).toBeInstanceOf(type);
      expect(missing.ok ? "resolved" : missing.error, `random id: ${describeError(missing)}`).toBeInstanceOf(type);
      expect(describeError(foreign), "the foreign id is told apart from a missing one").toBe(describeError(missing));
    }

    // The id is live in its own organisation: B's member gets a real answer with it.
    const own = await settle(row.call(s.b.people[role].ctx, inB));
    expect(own.ok, `control in organisation B: ${describeError(own)}`).toBe(true);
    if (id.expect === "same")
      expect(own.ok && own.value, "B's own answer shows the id selects something").not.toEqual(
        foreign.ok && foreign.value,
      );
  });
});
