// Issue 7, "Hostile input": every input schema a server action parses with is fed the hostile
// corpus, one field at a time and as a whole body. A schema must never throw; a refusal names the
// field with a message a person can read; and whatever it accepts is safe to store and to show.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { z } from "@/lib/schemas/zod";
import { formObjectWithLists, zodFieldErrors } from "@/lib/schemas/action-result";
import { CONTROL } from "@/lib/schemas/text";
import { LogObservationInput, ObservationFilter } from "@/lib/schemas/observations";
import { BehaviourInput, ValueInput } from "@/lib/schemas/behaviour";
import { responseChoices, SurveyInput } from "@/lib/schemas/surveys";
import { parseDashboardFilter, PERIODS } from "@/lib/schemas/dashboards";
import { AUDIT_OUTCOMES, parseAuditParams } from "@/lib/schemas/audit-trail";
import { CatalogueFilter } from "@/lib/schemas/catalogue";
import { HOSTILE, HOSTILE_STRINGS, WRONG_BODIES, type Hostile } from "../support/hostile-corpus";
import { type Rule, type SchemaCase, ID, questionsWith, obs, behaviour, CASES } from "../support/hostile-cases";

// ---------------------------------------------------------------- what "safe" means per field

// ---------------------------------------------------------------- checks

const isRealDate = (s: unknown): boolean => {
  if (typeof s !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const show = (v: unknown): string => {
  if (typeof v === "string") return JSON.stringify(v.length > 60 ? `${v.slice(0, 60)}…(${v.length})` : v);
  if (typeof v === "bigint") return `${v}n`;
  if (Array.isArray(v)) return `array(${v.length})`;
  return String(v);
};

/** Every string in the parsed value without control characters, every number finite. */
function walk(v: unknown, at: string, out: string[]): void {
  if (typeof v === "string") {
    if (CONTROL.test(v)) out.push(`${at}: control character in ${show(v)}`);
  } else if (typeof v === "number") {
    if (!Number.isFinite(v)) out.push(`${at}: non-finite number ${v}`);
  } else if (typeof v === "bigint") {
    out.push(`${at}: a bigint got through`);
  } else if (Array.isArray(v)) {
    v.forEach((x, i) => walk(x, `${at}[${i}]`, out));
  } else if (v && typeof v === "object") {
    if (Object.prototype.hasOwnProperty.call(v, "__proto__")) out.push(`${at}: kept a __proto__ key`);
    for (const [k, x] of Object.entries(v)) walk(x, `${at}.${k}`, out);
  }
}

/** Why an accepted value is not safe for its field (empty when it is). */
function unsafe(rule: Rule, out: unknown, sent: unknown): string[] {
  const bad: string[] = [];
  const fail = (why: string) => bad.push(`accepted as ${show(out)}: ${why}`);
  const inRange = (min: number, max: number, integer: boolean) => {
    if (typeof out !== "number" || !Number.isFinite(out)) return fail("not a finite number");
    if (integer && !Number.isInteger(out)) fail("not a whole number");
    if (out < min || out > max) fail(`outside ${min}…${max}`);
  };
  if (out !== undefined && typeof out !== "boolean" && rule.kind !== "secret" && rule.kind !== "file")
    walk(out, "value", bad);
  switch (rule.kind) {
    case "text":
      if (typeof out !== "string") fail("not a string");
      else if (out.length > rule.max) fail(`longer than ${rule.max}`);
      else if (typeof sent === "string" && out !== sent.trim()) fail("did not round-trip unchanged");
      break;
    case "id":
      if (rule.nullable && out === null) break;
      if (typeof out !== "string" || out.length < 1 || out.length > rule.max)
        fail(`not an id of 1…${rule.max} characters`);
      break;
    case "ids":
      if (!Array.isArray(out) || out.length > rule.max) fail(`not a list of at most ${rule.max}`);
      else if (out.some((x) => typeof x !== "string" || x.length < 1 || x.length > rule.each))
        fail("an item is not an id");
      break;
    case "ints":
      if (!Array.isArray(out) || out.length > rule.items) fail(`not a list of at most ${rule.items}`);
      else if (out.some((x) => !Number.isInteger(x) || (x as number) < rule.min || (x as number) > rule.max))
        fail(`an item is not a whole number in ${rule.min}…${rule.max}`);
      break;
    case "key":
      if (typeof out !== "string" || !/^[A-Za-z0-9_-]{8,64}$/.test(out)) fail("not a key");
      break;
    case "secret":
    case "file":
      if (typeof out !== "string" || out.length > rule.max) fail(`not a string of at most ${rule.max}`);
      break;
    case "email":
      if (rule.optional && out === undefined) break;
      if (
        typeof out !== "string" ||
        out.length > 254 ||
        !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(out) ||
        out !== out.toLowerCase()
      )
        fail("not a normalised e-mail address");
      break;
    case "int":
    case "number":
      if (rule.nullable && out === null) break;
      inRange(rule.min, rule.max, rule.kind === "int");
      break;
    case "date":
      if ((rule.nullable && out === null) || (rule.optional && out === undefined)) break;
      if (!isRealDate(out)) fail("not a real YYYY-MM-DD date");
      break;
    case "enum":
      if ((rule.nullable && out === null) || rule.values.includes(out as string)) break;
      fail(`not one of ${rule.values.join(", ")}`);
      break;
    case "bool":
      if (typeof out !== "boolean") fail("not a boolean");
      break;
    case "lines":
      if (!Array.isArray(out) || out.length > rule.items) fail(`not at most ${rule.items} lines`);
      else if (out.some((l) => typeof l !== "string" || l.length > rule.each || l !== l.trim() || l === ""))
        fail(`a line is empty, untrimmed or longer than ${rule.each}`);
      break;
    case "texts":
      if (!Array.isArray(out) || out.length > rule.items) fail(`not a list of at most ${rule.items}`);
      else if (out.some((l) => typeof l !== "string" || l.length > rule.each || l !== l.trim()))
        fail(`an item is untrimmed, or longer than ${rule.each}`);
      break;
    case "questions":
      if (!Array.isArray(out) || out.length < 2 || out.length > 40) fail("not 2…40 questions");
      else
        for (const q of out as { text: unknown; options: { label: unknown }[] }[]) {
          if (typeof q.text !== "string" || q.text.length > 300)
            fail("a question is not text of at most 300 characters");
          if (!Array.isArray(q.options) || q.options.length < 2 || q.options.length > 12)
            fail("a question has not 2…12 responses");
          else if (q.options.some((o) => typeof o.label !== "string" || o.label.length > 120 || o.label.includes(";")))
            fail("a response is not text of at most 120 characters without ;");
        }
      break;
  }
  return bad;
}

let tried = 0;

/** Parses one input; returns the problems (empty when the outcome is a clean refusal or a safe value). */
function attempt(c: SchemaCase, field: string, input: unknown, label: string): string[] {
  tried++;
  const where = `${c.name}.${field} ← ${label}`;
  let result: ReturnType<z.ZodType["safeParse"]>;
  try {
    result = c.schema.safeParse(input);
  } catch (err) {
    return [`${where}: threw ${(err as Error)?.message ?? String(err)}`];
  }
  const sent = input && typeof input === "object" ? (input as Record<string, unknown>)[field] : undefined;
  if (result.success) {
    const out = (result.data as Record<string, unknown>)[field];
    const problems = unsafe(c.rules[field]!, out, sent);
    // No other field may let something through either (a transform or refinement that moved it).
    for (const [key, v] of Object.entries(result.data as Record<string, unknown>)) {
      const kind = c.rules[key]?.kind;
      if (key !== field && kind !== "secret" && kind !== "file") walk(v, key, problems);
    }
    return problems.map((p) => `${where}: ${p}`);
  }
  const problems: string[] = [];
  const issues = result.error.issues;
  if (issues.length === 0) problems.push("failed with no issue");
  for (const issue of issues)
    if (typeof issue.message !== "string" || issue.message.trim() === "")
      problems.push(`an issue at ${issue.path.join(".") || "(root)"} has no message`);
  const errors = zodFieldErrors(result.error);
  if (issues.some((i) => i.path[0] === field)) {
    if (!errors[field]?.trim()) problems.push(`no message for ${field} in the error map`);
  } else if (!issues.every((i) => i.code === "custom" && i.path.length > 0 && errors[String(i.path[0])]?.trim())) {
    // The value was fine for the field but broke a rule between fields: that rule must name a field.
    problems.push(`refused without naming ${field}: ${JSON.stringify(errors)}`);
  }
  return problems.map((p) => `${where}: ${p}`);
}

function toFormData(base: Record<string, unknown>): FormData {
  const fd = new FormData();
  fd.append("$ACTION_ID_abc", ""); // what React adds; formObject must drop it
  for (const [k, v] of Object.entries(base)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, String(x));
  return fd;
}

/** The action's own path: the hostile string sent as the field of a form. */
function attemptForm(c: SchemaCase, field: string, value: string, label: string): string[] {
  const formBase = c.form!.base ?? (c.base as Record<string, string | string[]>);
  const fd = toFormData(formBase);
  fd.delete(field);
  fd.append(field, value);
  const raw = formObjectWithLists(fd, (c.form!.lists ?? []) as string[]);
  const input = c.form!.shape ? c.form!.shape(raw) : raw;
  return attempt(c, field, input, `form ${label}`);
}

// ---------------------------------------------------------------- the suite

describe("hostile input reaches every action schema", () => {
  it("lists a rule for every field of every base, and a form base of strings for every form action", () => {
    for (const c of CASES) {
      expect(Object.keys(c.rules).sort(), c.name).toEqual(Object.keys(c.base).sort());
      if (c.form)
        for (const v of Object.values(c.form.base ?? c.base))
          expect(typeof v === "string" || (Array.isArray(v) && v.every((x) => typeof x === "string")), c.name).toBe(
            true,
          );
    }
    expect(CASES.length).toBeGreaterThanOrEqual(36);
  });

  for (const c of CASES) {
    describe(`${c.name} (${c.actions})`, () => {
      it("accepts its valid base, directly and as a form", () => {
        const r = c.schema.safeParse(c.base);
        expect(r.success ? [] : zodFieldErrors(r.error)).toEqual([]);
        if (c.form) {
          const raw = formObjectWithLists(toFormData(c.form.base ?? c.base), (c.form.lists ?? []) as string[]);
          const f = c.schema.safeParse(c.form.shape ? c.form.shape(raw) : raw);
          expect(f.success ? [] : zodFieldErrors(f.error)).toEqual([]);
        }
      });

      it("refuses a body that is not an object, cleanly", () => {
        const problems: string[] = [];
        for (const body of WRONG_BODIES) {
          tried++;
          try {
            const r = c.schema.safeParse(body.value);
            if (r.success) problems.push(`${body.name}: accepted`);
            else if (!zodFieldErrors(r.error).form?.trim()) problems.push(`${body.name}: no form-level message`);
          } catch (err) {
            problems.push(`${body.name}: threw ${(err as Error).message}`);
          }
        }
        expect(problems).toEqual([]);
      });

      for (const field of Object.keys(c.base)) {
        it(`${field}: every hostile value is refused with a message, or accepted safe`, () => {
          const problems: string[] = [];
          for (const h of [...HOSTILE, ...(c.extra?.[field] ?? [])]) {
            const input = { ...c.base };
            if (h.value === undefined) delete input[field];
            else input[field] = h.value;
            problems.push(...attempt(c, field, input, h.name));
          }
          if (c.form)
            for (const h of [
              ...HOSTILE_STRINGS,
              ...((c.extra?.[field] ?? []).filter((x) => typeof x.value === "string") as (Hostile & {
                value: string;
              })[]),
            ])
              problems.push(...attemptForm(c, field, h.value, h.name));
          expect(problems).toEqual([]);
        });
      }
    });
  }

  it("keeps HTML, SQL and emoji as data: accepted text round-trips unchanged", () => {
    const samples = [
      "<script>alert(1)</script>",
      '"><img src=x onerror=alert(1)>',
      `'; DROP TABLE "Observation"; --`,
      "1 OR 1=1",
      "👩‍💻 on call",
      "שלום עולם",
    ];
    for (const s of samples) {
      tried += 4;
      expect(ValueInput.parse({ name: s }).name).toBe(s);
      expect(LogObservationInput.parse({ ...obs, outcome: "performed", note: s }).note).toBe(s);
      expect(BehaviourInput.parse({ ...behaviour, anchors: `${s}\n${s}!` }).anchors).toEqual([s, `${s}!`]);
      const q = SurveyInput.parse({
        title: "Why not?",
        behaviourId: ID,
        prevalencePct: "",
        anonymous: "",
        questions: questionsWith((qs) => ((qs[1]!.text = `Is it hard? ${s}`), qs)),
      });
      expect(q.questions[1]!.text).toBe(`Is it hard? ${s}`);
    }
  });

  it("never pollutes Object.prototype from __proto__ keys in JSON", () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, "polluted")).toBe(false);
  });
});

// ---------------------------------------------------------------- URL filters and survey responses

/** URL parameters are never refused (bad ones are dropped), but what survives must be safe. */
describe("hostile URL parameters", () => {
  const filters: {
    name: string;
    parse: (key: string, value: string | string[]) => Record<string, unknown>;
    keys: readonly string[];
    safe: Record<string, (v: unknown) => boolean>;
  }[] = [
    {
      name: "audit trail (parseAuditParams)",
      parse: (key, value) => {
        const { filter, cursor } = parseAuditParams({ [key]: value });
        return { ...filter, cursor };
      },
      keys: ["action", "outcome", "actor", "from", "to", "cursor"],
      safe: {
        action: (v) => typeof v === "string" && /^[a-z0-9.-]{1,60}$/.test(v),
        outcome: (v) => (AUDIT_OUTCOMES as readonly unknown[]).includes(v),
        actor: (v) => typeof v === "string" && /^[a-z0-9]{1,40}$/.test(v),
        from: isRealDate,
        to: isRealDate,
        cursor: (v) => typeof v === "string" && v.length <= 70 && !CONTROL.test(v),
      },
    },
    {
      name: "observation list and export (ObservationFilter)",
      parse: (key, value) => ObservationFilter.parse({ [key]: Array.isArray(value) ? value[0] : value }),
      keys: ["team", "behaviour", "from", "to"],
      safe: {
        team: (v) => typeof v === "string" && /^[a-z0-9]{1,40}$/.test(v),
        behaviour: (v) => typeof v === "string" && /^[a-z0-9]{1,40}$/.test(v),
        from: isRealDate,
        to: isRealDate,
      },
    },
    {
      name: "catalogue (CatalogueFilter)",
      parse: (key, value) => CatalogueFilter.parse({ [key]: Array.isArray(value) ? value[0] : value }),
      keys: ["q", "value", "owner", "team", "status"],
      safe: {
        q: (v) => typeof v === "string" && v.length <= 100 && !CONTROL.test(v),
        value: (v) => typeof v === "string" && v.length <= 40 && !CONTROL.test(v),
        owner: (v) => typeof v === "string" && v.length <= 40 && !CONTROL.test(v),
        team: (v) => typeof v === "string" && v.length <= 40 && !CONTROL.test(v),
        status: (v) => ["DRAFT", "IN_REVIEW", "ACTIVE", "RETIRED"].includes(v as string),
      },
    },
    {
      name: "dashboards (parseDashboardFilter)",
      parse: (key, value) => parseDashboardFilter({ [key]: value }),
      keys: ["period", "stream", "team", "value"],
      safe: {
        period: (v) => Object.keys(PERIODS).includes(v as string),
        stream: (v) => typeof v === "string" && v.length <= 40 && !CONTROL.test(v),
        team: (v) => typeof v === "string" && v.length <= 40 && !CONTROL.test(v),
        value: (v) => typeof v === "string" && v.length <= 40 && !CONTROL.test(v),
      },
    },
  ];

  for (const f of filters) {
    for (const key of f.keys) {
      it(`${f.name}: ${key} never throws and keeps only safe values`, () => {
        const problems: string[] = [];
        for (const h of [
          ...HOSTILE_STRINGS.map((x) => x as Hostile),
          { name: "repeated parameter", value: ["a\u0000b", "ok"] },
        ]) {
          tried++;
          try {
            const out = f.parse(key, h.value as string | string[])[key];
            if (out !== undefined && !f.safe[key]!(out)) problems.push(`${key} ← ${h.name}: kept ${show(out)}`);
          } catch (err) {
            problems.push(`${key} ← ${h.name}: threw ${(err as Error).message}`);
          }
        }
        expect(problems).toEqual([]);
      });
    }
  }

  it("survey responses (responseChoices) keep only short option ids without control characters", () => {
    const fd = new FormData();
    fd.append("surveyId", ID);
    for (const h of HOSTILE_STRINGS) {
      tried++;
      fd.append(`q_${ID}`, h.value);
      fd.append(`q_${h.value.slice(0, 50)}`, ID);
    }
    let choices: Map<string, string[]> = new Map();
    expect(() => (choices = responseChoices(fd))).not.toThrow();
    for (const [qid, values] of choices) {
      expect(qid.length).toBeLessThanOrEqual(40);
      for (const v of values) {
        expect(v.length).toBeLessThanOrEqual(40);
        expect(CONTROL.test(v), JSON.stringify(v)).toBe(false);
      }
    }
  });
});

// ---------------------------------------------------------------- rendering

describe("text is always rendered escaped", () => {
  it("React escapes the markup samples as text", () => {
    const html = renderToStaticMarkup(
      createElement("p", { title: '"><img src=x onerror=alert(1)>' }, "<script>alert(1)</script>"),
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });
});

// Last: the suite must not quietly shrink (a schema or corpus entry dropped, a loop cut short).
describe("coverage", () => {
  it("tried enough hostile cases", () => {
    console.info(`[hostile] ${tried} schema cases tried`);
    expect(tried).toBeGreaterThan(35_000);
  });
});
