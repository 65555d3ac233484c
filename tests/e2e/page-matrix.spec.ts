// Issue 7: the role × page matrix over HTTP. Every page and GET route of support/page-matrix.ts is
// requested as each role of the demo organisation and signed out (with and without a forged session
// cookie), refused requests again with the bypass variants (x-middleware-subrequest, RSC, prefetch),
// and every id-bearing URL by another organisation's admin. Every body that reaches a browser is
// checked for secrets, internal fields and the other organisation's ids.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import {
  expect,
  test,
  type APIRequestContext,
  type APIResponse,
  type Browser,
  type BrowserContext,
  type TestInfo,
} from "@playwright/test";
import { can, type Role } from "@/lib/domain/roles";
import { signedInContext, type DemoRole } from "./fixtures";
import {
  fill,
  ID_SOURCES,
  NEVER_SENT,
  PAGE_MATRIX,
  PLAIN,
  placeholders,
  RSC_REFUSAL,
  VARIANTS,
  type IdKind,
  type PageRow,
  type Variant,
} from "./support/page-matrix";

const APP_DIR = path.resolve(import.meta.dirname, "../../src/app/(app)");
const ROLE_USERS: Record<Role, DemoRole> = {
  ADMIN: "admin",
  LEADER: "leader",
  MANAGER: "manager",
  MEMBER: "member",
};
const NEVER_EXISTED = "cm0000000000000000000000a1";

type Ids = Partial<Record<IdKind, string>>;

const opened: BrowserContext[] = [];
async function signedInRequest(browser: Browser, info: TestInfo, who: DemoRole): Promise<APIRequestContext> {
  const context = await signedInContext(browser, info, who);
  opened.push(context);
  return context.request;
}

const get = (req: APIRequestContext, url: string, headers: Record<string, string> = {}) =>
  req.get(url, { maxRedirects: 0, headers });

/**
 * One request as a browser would send it. An RSC request first gets a 307 to the same URL with the
 * cache-busting `_rsc` value Next.js expects; the router follows that, so this does too (once).
 */
async function fetchAs(
  req: APIRequestContext,
  url: string,
  variant: Variant,
): Promise<{ res: APIResponse; body: string }> {
  let res = await get(req, url, variant.headers);
  const location = res.headers()["location"];
  if (res.status() === 307 && location) {
    const next = new URL(location, "http://x");
    if (next.pathname === new URL(url, "http://x").pathname && next.searchParams.has("_rsc"))
      res = await get(req, next.pathname + next.search, variant.headers);
  }
  return { res, body: await res.text() };
}

/** Finds one id of each kind, as the given organisation's admin sees its lists. */
async function crawlIds(req: APIRequestContext): Promise<{ ids: Ids; all: Set<string> }> {
  const ids: Ids = {};
  const all = new Set<string>();
  const lists: Partial<Record<IdKind, string[]>> = {};
  for (const kind of [
    "behaviour",
    "barrier",
    "survey",
    "metric",
    "team",
    "intervention",
    "action",
    "decision",
  ] as IdKind[]) {
    const source = ID_SOURCES[kind];
    // A list under another record (interventions under a barrier): try each of those records, as
    // other tests may have added records without any.
    const parents = placeholders(source.list).map((k) => lists[k] ?? []);
    const candidates = parents.length
      ? (parents[0] ?? []).map((id) => fill(source.list, { [placeholders(source.list)[0]!]: id }))
      : [source.list];
    for (const url of candidates) {
      const html = await (await get(req, url)).text();
      const found = [...html.matchAll(source.link)].map((m) => m[1]!);
      found.forEach((id) => all.add(id));
      lists[kind] = [...(lists[kind] ?? []), ...found];
      if (found[0]) {
        ids[kind] ??= found[0];
        break;
      }
    }
  }
  return { ids, all };
}

const h1 = (html: string) =>
  /<h1[^>]*>([\s\S]*?)<\/h1>/
    .exec(html)?.[1]
    ?.replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .trim() ?? "";

function expectNothingSecret(url: string, body: string, foreignIds: Set<string>, allowed: string[] = []) {
  for (const { name, pattern } of NEVER_SENT.filter((n) => !allowed.includes(n.name)))
    expect(pattern.test(body), `${url} sends a ${name}`).toBe(false);
  const leaked = [...foreignIds].filter((id) => body.includes(id));
  expect(leaked, `${url} contains another organisation's ids`).toEqual([]);
}

/**
 * A refused request gets the 404 page, a redirect to sign-in, or (for an RSC request) a payload that
 * tells the router exactly that; a prefetch of a dynamic page carries only the route tree. Never
 * the page's own content.
 */
function expectRefused(
  row: PageRow,
  variant: Variant,
  { res, body }: { res: APIResponse; body: string },
  markers: string[],
  label: string,
) {
  const status = res.status();
  for (const m of markers) expect(body.includes(m), `${label} contains "${m}"`).toBe(false);
  if (row.kind === "route") expect(res.headers()["content-disposition"], label).toBeUndefined();
  if (status === 404) return;
  if (status === 303 || status === 307)
    return expect(res.headers()["location"], label).toMatch(/^(http:\/\/[^/]+)?\/sign-in/);
  expect(status, `${label}: status ${status}`).toBe(200);
  expect(res.headers()["content-type"], label).toContain("text/x-component");
  if (variant.headers["Next-Router-Prefetch"])
    expect(body.length, `${label}: a prefetch answer with content`).toBeLessThan(1_000);
  else expect(body, label).toMatch(RSC_REFUSAL);
}

test.describe("role × page matrix over HTTP", () => {
  let home: { ids: Ids; all: Set<string> };
  let foreign: { ids: Ids; all: Set<string> };
  /** What each page shows its allowed readers (its heading, when that is data such as a record's title), never seen in a refused answer. */
  const markers = new Map<string, string[]>();

  test.beforeAll(async ({ browser }, info) => {
    const admin = await signedInRequest(browser, info, "admin");
    home = await crawlIds(admin);
    expect(Object.keys(home.ids).sort()).toEqual([
      "action",
      "barrier",
      "behaviour",
      "decision",
      "intervention",
      "metric",
      "survey",
      "team",
    ]);
    const notFound = await (await get(admin, `/catalogue/${NEVER_EXISTED}`)).text();
    for (const row of PAGE_MATRIX) {
      if (row.kind !== "page") continue;
      const html = await (await get(admin, fill(row.url, home.ids))).text();
      const heading = h1(html);
      // A heading that is also the page's static <title> is no secret (metadata is the same for everyone).
      const title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "";
      markers.set(
        row.url,
        heading.length >= 6 && !notFound.includes(heading) && !title.includes(heading) ? [heading] : [],
      );
    }
    foreign = await crawlIds(await signedInRequest(browser, info, "otherAdmin"));
    expect(foreign.all.size).toBeGreaterThan(3);
  });

  test.afterAll(async () => {
    await Promise.all(opened.splice(0).map((c) => c.close()));
  });

  test("every page and GET route of the app has a row", () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name === "page.tsx" || name === "route.ts") files.push(path.relative(APP_DIR, full));
      }
    };
    walk(APP_DIR);
    expect(files.filter((f) => !PAGE_MATRIX.some((r) => r.file === f)).sort()).toEqual([]);
  });

  for (const role of ["ADMIN", "LEADER", "MANAGER", "MEMBER"] as Role[]) {
    test(`${role}: allowed pages answer, refused ones are 404 with every bypass variant, and nothing secret is sent`, async ({
      browser,
    }, info) => {
      const req = await signedInRequest(browser, info, ROLE_USERS[role]);
      for (const row of PAGE_MATRIX) {
        const url = fill(row.url, home.ids);
        const allowed = row.permission === null || can(role, row.permission);
        let res = await get(req, url);
        if (allowed && res.status() === 307) {
          // A page may send a role elsewhere (a member opening a survey goes to its answer form), never to sign-in.
          expect(res.headers()["location"], `${role} ${url}`).not.toMatch(/sign-in/);
          res = await req.get(url);
        }
        const body = await res.text();
        if (allowed) {
          expect(res.status(), `${role} ${url}`).toBe(200);
          expectNothingSecret(`${role} ${url}`, body, foreign.all, row.allowFields);
          if (row.kind === "page") {
            const rsc = await fetchAs(
              req,
              url,
              VARIANTS.find((v) => v.name === "rsc")!,
            );
            expect(rsc.res.status(), `${role} ${url} (RSC)`).toBe(200);
            expect(rsc.body, `${role} ${url} (RSC)`).not.toMatch(RSC_REFUSAL);
            expectNothingSecret(`${role} ${url} (RSC)`, rsc.body, foreign.all);
          }
          continue;
        }
        expect(res.status(), `${role} ${url}`).toBe(404);
        for (const v of [PLAIN, ...VARIANTS])
          expectRefused(row, v, await fetchAs(req, url, v), markers.get(row.url) ?? [], `${role} ${url} [${v.name}]`);
      }
    });
  }

  test("signed out (no cookie, or a forged one): every page goes to sign-in and no route answers, with every bypass variant", async ({
    playwright,
    baseURL,
  }) => {
    for (const cookie of [undefined, "next-auth.session-token=forged.value.here"]) {
      const req = await playwright.request.newContext({ baseURL, extraHTTPHeaders: cookie ? { Cookie: cookie } : {} });
      for (const row of PAGE_MATRIX) {
        const url = fill(row.url, home.ids);
        for (const v of [PLAIN, ...VARIANTS]) {
          expectRefused(
            row,
            v,
            await fetchAs(req, url, v),
            markers.get(row.url) ?? [],
            `signed out${cookie ? " (forged cookie)" : ""} ${url} [${v.name}]`,
          );
        }
      }
      await req.dispose();
    }
  });

  test("another organisation's admin gets the same 404 as for an id that never existed, and none of its data", async ({
    browser,
  }, info) => {
    const outsider = await signedInRequest(browser, info, "otherAdmin");
    for (const row of PAGE_MATRIX.filter((r) => placeholders(r.url).length > 0)) {
      const url = fill(row.url, home.ids);
      const missing = await get(
        outsider,
        fill(row.url, Object.fromEntries(placeholders(row.url).map((k) => [k, NEVER_EXISTED]))),
      );
      expect(missing.status(), `never existed: ${row.url}`).toBe(404);
      for (const v of [PLAIN, ...VARIANTS]) {
        const answer = await fetchAs(outsider, url, v);
        if (v === PLAIN) expect(answer.res.status(), url).toBe(404);
        expectRefused(row, v, answer, markers.get(row.url) ?? [], `${url} [${v.name}]`);
        expect(answer.body, `${url} [${v.name}]`).not.toMatch(/northwind/i);
      }
    }
  });

  test("refused page requests are on the audit trail, with the page and the permission", async ({ browser }, info) => {
    const member = await signedInRequest(browser, info, "member");
    expect((await get(member, "/settings/deleted")).status()).toBe(404);
    const admin = await signedInRequest(browser, info, "admin");
    const csv = await (await get(admin, "/settings/audit/export?outcome=denied&action=access.denied")).text();
    const line = csv.split("\n").find((l) => l.includes("/settings/deleted") && l.includes("Mia Santos"));
    expect(line, csv.slice(0, 2000)).toBeDefined();
    expect(line).toContain("members.manage");
  });
});
