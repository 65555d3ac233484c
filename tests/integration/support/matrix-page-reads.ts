// Reads every member's pages make that take no id (issue 19): no role is refused and there is no id
// to swap, so neither walk of role-matrix.test.ts has work here, but page-plans.test.ts explains
// every statement of every page row, so each page's reads need a row.
import { listSurveys } from "@/lib/server/data/surveys";
import { interventionReport } from "@/lib/server/data/intervention-report";
import { awaitingMyReview, listInbox } from "@/lib/server/data/inbox";
import { catalogueFacets } from "@/lib/server/data/catalogue";
import { exportCatalogue } from "@/lib/server/data/catalogue-transfer";
import { onboarding } from "@/lib/server/data/onboarding";
import { listTeams } from "@/lib/server/data/teams";
import { logOptions } from "@/lib/server/data/observation-log";
import { actionTeamOptions, overdueActions } from "@/lib/server/data/action-lists";
import { actionOptions } from "@/lib/server/data/actions";
import { decisionFilterOptions } from "@/lib/server/data/decision-log";
import { feedbackOptions, hasFeedback } from "@/lib/server/data/feedback";
import { portfolioStandup } from "@/lib/server/data/rituals";
import { adaptableTeams } from "@/lib/server/data/behaviour-variants";
import { reviewBlocker } from "@/lib/server/data/behaviour-review";
import { videoTestTerms } from "@/lib/server/data/video-test-terms";
import { citationCounts } from "@/lib/server/data/barrier-citations";
import { type Row, row, ALL } from "./matrix-core";

const read = (
  surface: string,
  data: string,
  call: Row<unknown>["call"],
  setup: Row<unknown>["setup"] = async () => ({}),
) => row({ action: null, surface, requires: null, data, kind: "read", allowed: ALL, setup, call });

export const PAGE_OPEN_READS: readonly Row<unknown>[] = [
  read(
    "page /surveys",
    "surveys.listSurveys",
    (ctx) => listSurveys(ctx),
    async (s) => ({ survey: await s.survey() }),
  ),
  read("page /interventions", "intervention-report.interventionReport", (ctx) => interventionReport(ctx)),
  read("page /inbox", "inbox.listInbox", (ctx) => listInbox(ctx, { unreadOnly: false })),
  read("page /inbox", "inbox.awaitingMyReview", (ctx) => awaitingMyReview(ctx)),
  read("page /catalogue", "catalogue.catalogueFacets", (ctx) => catalogueFacets(ctx)),
  read("route /catalogue/export", "catalogue-transfer.exportCatalogue", (ctx) => exportCatalogue(ctx)),
  read("page /catalogue", "onboarding.onboarding", (ctx) => onboarding(ctx)),
  read("page /teams", "teams.listTeams", (ctx) => listTeams(ctx)),
  read(
    "page /log",
    "observation-log.logOptions",
    (ctx) => logOptions(ctx),
    async (s) => ({ o: await s.observation() }),
  ),
  read("page /actions", "action-lists.actionTeamOptions", (ctx) => actionTeamOptions(ctx)),
  read("page /dashboards", "action-lists.overdueActions", (ctx) => overdueActions(ctx)),
  read("page /actions/new", "actions.actionOptions", (ctx) => actionOptions(ctx)),
  read("page /decisions", "decision-log.decisionFilterOptions", (ctx) => decisionFilterOptions(ctx)),
  read("page /feedback", "feedback.hasFeedback", (ctx) => hasFeedback(ctx)),
  read("page /feedback/new", "feedback.feedbackOptions", (ctx) => feedbackOptions(ctx)),
  read("page /dashboards/standup", "rituals.portfolioStandup", (ctx) => portfolioStandup(ctx)),
  read("page /catalogue/[id]", "behaviour-variants.adaptableTeams", (ctx) => adaptableTeams(ctx)),
  read(
    "page /catalogue/[id]",
    "behaviour-review.reviewBlocker",
    (ctx, i) => reviewBlocker(ctx, (i as { id: string }).id),
    async (s) => ({ id: s.behaviour.id }),
  ),
  read("page /catalogue/[id]", "video-test-terms.videoTestTerms", (ctx) => videoTestTerms(ctx.orgId)),
  read("page /barriers", "barrier-citations.citationCounts", (ctx) => citationCounts(ctx)),
];

/**
 * What a page imports from the data layer that is not a read to explain: constants, pure
 * helpers and writes. Every other function a page or route imports must be some row's `data`.
 */
export const PAGE_IMPORTS_WITHOUT_READS: Record<string, string> = {
  "barrier-citations.CITATION_WEEKS": "a constant",
  "barrier-citations.NOTES_READ": "a constant",
  "video-test-terms.MAX_TERMS": "a constant",
  "decision-log.decodeDecisionCursor": "decodes the URL's cursor; no statement",
  "feedback.feedbackFormValues": "maps a DTO the page already loaded to form values; no statement",
  "onboarding.noteFirstInsight": "a write (the first-run checklist's last step), not a read",
  "spot-checks.maySpotCheck":
    "a permission check: only a manager's lookup of their own membership of the team (TeamMember's primary key); admins and members are decided without a statement",
  "members.previewInvitation":
    "a signed-out page: the invitation is found by its token's hash (unique), before any organisation",
  "password-resets.resetLinkUsable":
    "a signed-out page: the reset is found by its token's hash (unique), before any organisation",
  "password-resets.RESET_UNUSABLE": "a constant",
  "sso-sign-in.ssoLinkPreview":
    "a signed-out page: the single sign-on link is found by its token's hash (unique), before any organisation",
  "profile.getProfile":
    "the caller's own account across organisations (by user and session, not by one organisation); profile.test.ts",
};
