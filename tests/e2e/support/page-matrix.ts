// Issue 7, isolation and roles over HTTP: every page and GET route of the signed-in app, kept as
// data, with the permission it needs (null: any member). `{behaviour}` and the like are filled in
// with ids found by crawling the demo organisation. page-matrix.spec.ts walks it for every role,
// signed out, and with the framework bypass variants; a test there fails when a page file exists
// without a row here.
import type { Permission } from "@/lib/domain/roles";

export type IdKind =
  | "behaviour"
  | "barrier"
  | "intervention"
  | "survey"
  | "metric"
  | "team"
  | "ritual"
  | "meeting"
  | "feedback"
  | "action"
  | "decision"
  | "webhook"
  | "mail"
  | "spotCheck";

export interface PageRow {
  /** Internal fields this URL may carry on purpose (see NEVER_SENT). */
  allowFields?: string[];
  /** The file under src/app/(app) that serves it. */
  file: string;
  /** The URL to request, with {kind} placeholders. */
  url: string;
  permission: Permission | null;
  kind: "page" | "route";
}

const page = (file: string, url: string, permission: Permission | null = null): PageRow => ({
  file: `${file}/page.tsx`,
  url,
  permission,
  kind: "page",
});
const route = (file: string, url: string, permission: Permission | null = null): PageRow => ({
  file: `${file}/route.ts`,
  url,
  permission,
  kind: "route",
});

export const PAGE_MATRIX: PageRow[] = [
  page("catalogue", "/catalogue"),
  page("catalogue/new", "/catalogue/new", "catalogue.edit"),
  page("catalogue/transfer", "/catalogue/transfer", "catalogue.edit"),
  page("catalogue/[id]", "/catalogue/{behaviour}"),
  page("catalogue/[id]/edit", "/catalogue/{behaviour}/edit", "catalogue.edit"),
  route("catalogue/export", "/catalogue/export?format=json"),
  page("log", "/log", "observations.log"),
  page("log/import", "/log/import", "observations.import"),
  page("log/honesty", "/log/honesty", "honesty.review"),
  route("log/export", "/log/export"),
  page("barriers", "/barriers"),
  page("barriers/new", "/barriers/new", "barriers.propose"),
  page("barriers/[id]", "/barriers/{barrier}"),
  page("barriers/[id]/edit", "/barriers/{barrier}/edit", "barriers.manage"),
  page("barriers/[id]/interventions/new", "/barriers/{barrier}/interventions/new", "barriers.manage"),
  page("interventions", "/interventions"),
  page("interventions/[id]", "/interventions/{intervention}"),
  page("surveys", "/surveys"),
  page("surveys/new", "/surveys/new", "barriers.manage"),
  page("surveys/[id]", "/surveys/{survey}"),
  page("surveys/[id]/import", "/surveys/{survey}/import", "barriers.manage"),
  page("surveys/[id]/respond", "/surveys/{survey}/respond", "surveys.respond"),
  route("surveys/[id]/export", "/surveys/{survey}/export", "barriers.manage"),
  page("dashboards", "/dashboards", "dashboards.view"),
  page("dashboards/behaviour", "/dashboards/behaviour", "dashboards.view"),
  page("dashboards/team", "/dashboards/team", "dashboards.view"),
  page("dashboards/standup", "/dashboards/standup", "dashboards.view"),
  page("metrics", "/metrics", "dashboards.view"),
  page("metrics/audit", "/metrics/audit", "dashboards.view"),
  page("metrics/new", "/metrics/new", "metrics.manage"),
  page("metrics/import", "/metrics/import", "metrics.manage"),
  page("metrics/[id]", "/metrics/{metric}", "dashboards.view"),
  page("metrics/[id]/edit", "/metrics/{metric}/edit", "metrics.manage"),
  route("metrics/export", "/metrics/export", "dashboards.view"),
  page("settings", "/settings"),
  page("settings/audit", "/settings/audit", "members.manage"),
  page("settings/privacy", "/settings/privacy", "members.manage"),
  route("settings/audit/export", "/settings/audit/export", "members.manage"),
  page("settings/deleted", "/settings/deleted", "members.manage"),
  page("settings/jobs", "/settings/jobs", "jobs.manage"),
  page("settings/backup", "/settings/backup", "members.manage"),
  // The backup is the organisation's full-fidelity copy for its admin: it keeps the survey HMACs so a
  // restored survey still refuses a second answer (docs/decisions/008). Hashes of passwords and tokens stay out.
  {
    ...route("settings/backup/export", "/settings/backup/export", "members.manage"),
    allowFields: ["responderKey field (survey HMAC)"],
  },
  page("actions", "/actions"),
  // Open to everyone: a member is told who creates actions (a meeting's participants do, on its page).
  page("actions/new", "/actions/new"),
  page("actions/[id]", "/actions/{action}"),
  page("actions/[id]/edit", "/actions/{action}/edit", "actions.manage"),
  route("actions/export", "/actions/export?scope=all"),
  page("decisions", "/decisions"),
  page("decisions/new", "/decisions/new", "decisions.record"),
  page("decisions/[id]", "/decisions/{decision}"),
  page("decisions/[id]/edit", "/decisions/{decision}/edit", "decisions.record"),
  route("decisions/export", "/decisions/export"),
  page("settings/anchors", "/settings/anchors", "anchors.manage"),
  page("settings/video-test", "/settings/video-test", "videoTest.terms"),
  page("settings/webhooks", "/settings/webhooks", "webhooks.manage"),
  page("settings/webhooks/[id]", "/settings/webhooks/{webhook}", "webhooks.manage"),
  page("settings/api-tokens", "/settings/api-tokens", "apiTokens.manage"),
  page("settings/api-tokens/reference", "/settings/api-tokens/reference", "apiTokens.manage"),
  page("settings/sso", "/settings/sso", "sso.manage"),
  page("settings/scim", "/settings/scim", "scim.manage"),
  page("settings/outbox", "/settings/outbox", "notifications.manage"),
  page("settings/outbox/[id]", "/settings/outbox/{mail}", "notifications.manage"),
  page("settings/notifications", "/settings/notifications", "notifications.manage"),
  page("help/actions-decisions", "/help/actions-decisions"),
  page("teams", "/teams"),
  page("teams/[id]", "/teams/{team}"),
  page("spot-checks", "/spot-checks", "dashboards.view"),
  // Readers of the dashboards, and the check's second observer (not the demo's member).
  page("spot-checks/[id]", "/spot-checks/{spotCheck}", "dashboards.view"),
  page("feedback", "/feedback"),
  page("feedback/new", "/feedback/new", "feedback.record"),
  page("feedback/import", "/feedback/import", "feedback.manage"),
  page("feedback/[id]", "/feedback/{feedback}"),
  route("feedback/export", "/feedback/export"),
  page("help/barrier-analysis", "/help/barrier-analysis"),
  page("help/rituals", "/help/rituals"),
  page("help/recognition", "/help/recognition"),
  page("recognition", "/recognition"),
  page("recognition/analytics", "/recognition/analytics", "dashboards.view"),
  page("help/customer-feedback", "/help/customer-feedback"),
  page("profile", "/profile"),
  route("profile/my-data", "/profile/my-data"),
  page("privacy", "/privacy"),
  page("inbox", "/inbox"),
  page("rituals", "/rituals"),
  page("rituals/new", "/rituals/new", "rituals.manage"),
  page("rituals/[id]", "/rituals/{ritual}"),
  page("rituals/[id]/edit", "/rituals/{ritual}/edit", "rituals.manage"),
  page("rituals/meetings/[id]", "/rituals/meetings/{meeting}"),
  route("rituals/meetings/[id]/agenda.md", "/rituals/meetings/{meeting}/agenda.md"),
];

/** Where each kind of id is found, as the demo organisation's admin sees it. */
export const ID_SOURCES: Record<IdKind, { list: string; link: RegExp }> = {
  behaviour: { list: "/catalogue", link: /href="\/catalogue\/([a-z0-9]{20,})"/g },
  barrier: { list: "/barriers", link: /href="\/barriers\/([a-z0-9]{20,})"/g },
  survey: { list: "/surveys", link: /href="\/surveys\/([a-z0-9]{20,})"/g },
  metric: { list: "/metrics", link: /href="\/metrics\/([a-z0-9]{20,})"/g },
  team: { list: "/teams", link: /href="\/teams\/([a-z0-9]{20,})"/g },
  feedback: { list: "/feedback", link: /href="\/feedback\/([a-z0-9]{20,})"/g },
  intervention: { list: "/barriers/{barrier}", link: /href="\/interventions\/([a-z0-9]{20,})"/g },
  ritual: { list: "/rituals", link: /href="\/rituals\/([a-z0-9]{20,})"/g },
  meeting: { list: "/rituals/{ritual}", link: /href="\/rituals\/meetings\/([a-z0-9]{20,})"/g },
  action: { list: "/actions?scope=all", link: /href="\/actions\/([a-z0-9]{20,})"/g },
  decision: { list: "/decisions", link: /href="\/decisions\/([a-z0-9]{20,})"/g },
  // The demo seeds one (switched off) webhook per organisation.
  webhook: { list: "/settings/webhooks", link: /href="\/settings\/webhooks\/([a-z0-9]{20,})"/g },
  mail: { list: "/settings/outbox", link: /href="\/settings\/outbox\/([a-z0-9]{20,})"/g },
  // The demo seeds one spot check per organisation.
  spotCheck: { list: "/spot-checks", link: /href="\/spot-checks\/([a-z0-9]{20,})"/g },
};

export const placeholders = (url: string): IdKind[] => [...url.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as IdKind);

export const fill = (url: string, ids: Partial<Record<IdKind, string>>): string =>
  url.replace(/\{(\w+)\}/g, (_, k: IdKind) => {
    const id = ids[k];
    if (!id) throw new Error(`no ${k} id to fill ${url}`);
    return id;
  });

/**
 * The bypass variants of one request. Next.js once skipped middleware for requests carrying
 * x-middleware-subrequest (CVE-2025-29927); RSC and prefetch requests take another code path than
 * a document request. Each must be refused exactly like the plain request, because the check
 * lives in the page and the data layer.
 */
export interface Variant {
  name: string;
  headers: Record<string, string>;
}

export const PLAIN: Variant = { name: "plain", headers: {} };
export const VARIANTS: Variant[] = [
  {
    name: "x-middleware-subrequest",
    headers: {
      "x-middleware-subrequest":
        "proxy:proxy:proxy:proxy:proxy:middleware:middleware:middleware:middleware:middleware:src/proxy:src/middleware",
    },
  },
  { name: "rsc", headers: { RSC: "1" } },
  { name: "prefetch", headers: { RSC: "1", "Next-Router-Prefetch": "1" } },
  {
    name: "segment prefetch",
    headers: { RSC: "1", "Next-Router-Prefetch": "1", "Next-Router-Segment-Prefetch": "/_tree" },
  },
];

/** How Next.js says "not found" or "go to sign-in" inside an RSC payload (the client router acts on it). */
export const RSC_REFUSAL = /NEXT_HTTP_ERROR_FALLBACK;404|NEXT_REDIRECT;(replace|push);\/sign-in/;

/** Secrets and internal fields that must never reach a browser, in HTML or in an RSC payload. */
export const NEVER_SENT: { name: string; pattern: RegExp }[] = [
  { name: "bcrypt hash", pattern: /\$2[aby]\$\d\d\$[./A-Za-z0-9]{20,}/ },
  { name: "passwordHash field", pattern: /passwordHash/ },
  { name: "tokenHash field", pattern: /tokenHash/i },
  { name: "sessionVersion field", pattern: /sessionVersion/ },
  { name: "organizationId field", pattern: /organizationId/ },
  { name: "responderKey field (survey HMAC)", pattern: /responderKey/ },
  { name: "webhook signing secret", pattern: /whsec_[A-Za-z0-9+/]{20,}/ },
  // Shown once, in the answer to the form that made it; no page shows one afterwards.
  { name: "API token secret", pattern: /cdt_[A-Za-z0-9_-]{40,}/ },
];
