// Matrix rows for role-restricted reads (pages and routes), and reads open to every member that take an id.
import { VideoTestInput } from "@/lib/schemas/behaviour";
import { InterventionInput } from "@/lib/schemas/barriers";
import { DashboardFilter } from "@/lib/schemas/dashboards";
import { LogObservationInput, ObservationFilter } from "@/lib/schemas/observations";
import { AuditFilter } from "@/lib/schemas/audit-trail";
import { behaviourForEdit, editorOptions } from "@/lib/server/data/behaviour-editor";
import { listVersions, listVideoTests, recordVideoTest } from "@/lib/server/data/behaviour-review";
import { createVariant, listVariants } from "@/lib/server/data/behaviour-variants";
import { logObservation } from "@/lib/server/data/observation-log";
import { exportObservationsCsv } from "@/lib/server/data/observation-transfer";
import { listInvitations, listMembers } from "@/lib/server/data/members";
import { barrierForEdit, barrierOptions, getBarrier, listBarriers, missedNotes } from "@/lib/server/data/barriers";
import { createIntervention, getIntervention, interventionFormContext } from "@/lib/server/data/interventions";
import {
  getSurvey,
  hasResponded,
  respondToSurvey,
  surveyBehaviours,
  surveyTabulation,
} from "@/lib/server/data/surveys";
import { exportTabulationCsv } from "@/lib/server/data/survey-transfer";
import { getMetric, listMetrics, metricOptions, metricsAudit, metricSeries } from "@/lib/server/data/metrics";
import { metricForEdit, setMetricBehaviours } from "@/lib/server/data/metric-editor";
import { exportReadingsCsv } from "@/lib/server/data/metric-readings";
import { auditActorOptions, exportAuditCsv, listAuditEvents } from "@/lib/server/data/audit-trail";
import { behaviourOutcome, organisationOverview, standup, teamView } from "@/lib/server/data/dashboards";
import { listCoverageGaps } from "@/lib/server/data/coverage";
import { listHonestyFlags } from "@/lib/server/data/honesty";
import { listDeleted } from "@/lib/server/data/trash";
import { backupOverview } from "@/lib/server/data/backup";
import { exportOrganisation } from "@/lib/server/data/backup-export";
import { behaviourLinks, behaviourWeeks, getBehaviour, listCatalogue } from "@/lib/server/data/catalogue";
import { CatalogueFilter } from "@/lib/schemas/catalogue";
import { getTeam } from "@/lib/server/data/teams";
import { listRecentObservations } from "@/lib/server/data/observations";
import { type Row, at, row, ALL, EDITORS, MANAGERS, ADMINS } from "./matrix-core";
import { today, daysAgo, logForm, behaviourIn } from "./matrix-scenario";
import { readText } from "./read-text";

export const READ_ROWS: readonly Row<unknown>[] = [
  // ------------------------------------------------ role-restricted reads (pages and routes)
  row({
    action: null,
    surface: "page /catalogue/new",
    requires: "catalogue.edit",
    data: "behaviour-editor.editorOptions",
    kind: "read",
    allowed: EDITORS,
    setup: async () => ({}),
    call: (ctx) => editorOptions(ctx),
  }),
  row({
    action: null,
    surface: "page /catalogue/[id]/edit",
    requires: "catalogue.edit",
    data: "behaviour-editor.behaviourForEdit",
    kind: "read",
    allowed: EDITORS,
    setup: async (s) => ({ id: s.behaviour.id }),
    call: (ctx, i) => behaviourForEdit(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /settings",
    requires: "members.manage",
    data: "members.listMembers",
    kind: "read",
    allowed: ADMINS,
    note: "the page calls it for admins only; the DTO carries every member's e-mail",
    setup: async () => ({}),
    call: (ctx) => listMembers(ctx),
  }),
  row({
    action: null,
    surface: "page /settings",
    requires: "members.manage",
    data: "members.listInvitations",
    kind: "read",
    allowed: ADMINS,
    setup: async (s) => ({ inv: await s.invitation() }),
    call: (ctx) => listInvitations(ctx),
  }),
  row({
    action: null,
    surface: "page /settings/deleted",
    requires: "members.manage",
    data: "trash.listDeleted",
    kind: "read",
    allowed: ADMINS,
    setup: async () => ({}),
    call: (ctx) => listDeleted(ctx),
  }),
  row({
    action: null,
    surface: "page /settings/backup",
    requires: "members.manage",
    data: "backup.backupOverview",
    kind: "read",
    allowed: ADMINS,
    setup: async () => ({}),
    call: (ctx) => backupOverview(ctx),
  }),
  row({
    action: null,
    surface: "route /settings/backup/export",
    requires: "members.manage",
    data: "backup-export.exportOrganisation",
    kind: "read",
    allowed: ADMINS,
    note: "writes only its own audit event, which dataCounts leaves out",
    setup: async (s) => ({ barrier: await s.barrier(), metric: await s.metric() }),
    call: (ctx) => readText(exportOrganisation(ctx)),
  }),
  row({
    action: null,
    surface: "page /barriers/new",
    requires: "barriers.propose",
    data: "barriers.barrierOptions",
    kind: "read",
    allowed: ALL,
    setup: async () => ({}),
    call: (ctx) => barrierOptions(ctx),
  }),
  row({
    action: null,
    surface: "page /barriers/[id]/edit",
    requires: "barriers.manage",
    data: "barriers.barrierForEdit",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) => ({ id: await s.barrier() }),
    call: (ctx, i) => barrierForEdit(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /barriers/[id]/interventions/new",
    requires: "barriers.manage",
    data: "interventions.interventionFormContext",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) => ({ barrierId: await s.barrier() }),
    call: (ctx, i) => interventionFormContext(ctx, i.barrierId),
    ids: [at("barrierId", "not-found")],
  }),
  row({
    action: null,
    surface: "page /surveys/new",
    requires: "barriers.manage",
    data: "surveys.surveyBehaviours",
    kind: "read",
    allowed: MANAGERS,
    setup: async () => ({}),
    call: (ctx) => surveyBehaviours(ctx),
  }),
  row({
    action: null,
    surface: "page /surveys/[id]",
    requires: "barriers.manage",
    data: "surveys.surveyTabulation",
    kind: "read",
    allowed: MANAGERS,
    note: "the page asks requireMemberPage() and sends others to /respond; the function itself refuses",
    setup: async (s) => ({ id: (await s.survey()).id }),
    call: (ctx, i) => surveyTabulation(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "route /surveys/[id]/export",
    requires: "barriers.manage",
    data: "survey-transfer.exportTabulationCsv",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) => ({ id: (await s.survey()).id }),
    call: (ctx, i) => exportTabulationCsv(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /metrics",
    requires: "dashboards.view",
    data: "metrics.listMetrics",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) => ({ m: await s.metric() }),
    call: (ctx) => listMetrics(ctx),
  }),
  row({
    action: null,
    surface: "page /metrics/[id]",
    requires: "dashboards.view",
    data: "metrics.getMetric",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) => ({ id: (await s.metric()).id }),
    call: (ctx, i) => getMetric(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /dashboards/behaviour, through behaviourOutcome",
    requires: "dashboards.view",
    data: "metrics.metricSeries",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) => ({ id: (await s.metric()).id, from: daysAgo(90), to: today() }),
    call: (ctx, i) => metricSeries(ctx, i.id, i.from, i.to),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /metrics/audit",
    requires: "dashboards.view",
    data: "metrics.metricsAudit",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) => ({ m: await s.metric() }),
    call: (ctx) => metricsAudit(ctx),
  }),
  row({
    action: null,
    surface: "page /metrics/new",
    requires: "metrics.manage",
    data: "metrics.metricOptions",
    kind: "read",
    allowed: MANAGERS,
    setup: async () => ({}),
    call: (ctx) => metricOptions(ctx),
  }),
  row({
    action: null,
    surface: "page /metrics/[id]/edit",
    requires: "metrics.manage",
    data: "metric-editor.metricForEdit",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) => ({ id: (await s.metric()).id }),
    call: (ctx, i) => metricForEdit(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "route /metrics/export",
    requires: "dashboards.view",
    data: "metric-readings.exportReadingsCsv",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) => ({ m: await s.metric() }),
    call: (ctx) => readText(exportReadingsCsv(ctx)),
  }),
  row({
    action: null,
    surface: "page /dashboards",
    requires: "dashboards.view",
    data: "dashboards.organisationOverview",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) => {
      await s.observation();
      return { filter: DashboardFilter.parse({ period: "12w", team: s.team.id, value: s.value.id }) };
    },
    call: (ctx, i) => organisationOverview(ctx, i.filter),
    ids: [at("filter.team", "same"), at("filter.value", "same")],
  }),
  row({
    action: null,
    surface: "page /dashboards/behaviour",
    requires: "dashboards.view",
    data: "dashboards.behaviourOutcome",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) => {
      const m = await s.metric();
      await setMetricBehaviours(s.people.MANAGER.ctx, m.id, [s.behaviour.id]);
      return { filter: DashboardFilter.parse({}), ids: { behaviour: s.behaviour.id, metric: m.id } };
    },
    call: (ctx, i) => behaviourOutcome(ctx, i.filter, i.ids),
    ids: [at("ids.behaviour", "not-found"), at("ids.metric", "same")],
  }),
  row({
    action: null,
    surface: "page /dashboards/team",
    requires: "dashboards.view",
    data: "dashboards.teamView",
    kind: "read",
    allowed: MANAGERS,
    setup: async (s) => ({ filter: DashboardFilter.parse({}), teamId: s.team.id }),
    call: (ctx, i) => teamView(ctx, i.filter, i.teamId),
    ids: [at("teamId", "not-found")],
  }),
  row({
    action: null,
    surface: "page /dashboards/standup",
    requires: "dashboards.view",
    data: "dashboards.standup",
    kind: "read",
    allowed: MANAGERS,
    setup: async () => ({}),
    call: (ctx) => standup(ctx),
  }),
  row({
    action: null,
    surface: "page /dashboards/team, through teamView",
    requires: "dashboards.view",
    data: "coverage.listCoverageGaps",
    kind: "read",
    allowed: MANAGERS,
    setup: async () => ({}),
    call: (ctx) => listCoverageGaps(ctx),
  }),
  row({
    action: null,
    surface: "page /log/honesty",
    requires: "honesty.review",
    data: "honesty.listHonestyFlags",
    kind: "read",
    allowed: ADMINS,
    setup: async (s) => ({ o: await s.observation() }),
    call: (ctx) => listHonestyFlags(ctx),
  }),
  row({
    action: null,
    surface: "page /settings/audit",
    requires: "members.manage",
    data: "audit-trail.listAuditEvents",
    kind: "read",
    allowed: ADMINS,
    setup: async (s, me) => ({ inv: await s.invitation(), filter: AuditFilter.parse({ actor: me.userId }) }),
    call: (ctx, i) => listAuditEvents(ctx, i.filter),
    ids: [at("filter.actor", "same")],
  }),
  row({
    action: null,
    surface: "page /settings/audit",
    requires: "members.manage",
    data: "audit-trail.auditActorOptions",
    kind: "read",
    allowed: ADMINS,
    setup: async () => ({}),
    call: (ctx) => auditActorOptions(ctx),
  }),
  row({
    action: null,
    surface: "route /settings/audit/export",
    requires: "members.manage",
    data: "audit-trail.exportAuditCsv",
    kind: "read",
    allowed: ADMINS,
    note: "writes only its own audit event, which dataCounts leaves out",
    setup: async (s, me) => ({ inv: await s.invitation(), filter: AuditFilter.parse({ actor: me.userId }) }),
    call: (ctx, i) => readText(exportAuditCsv(ctx, i.filter)),
    ids: [at("filter.actor", "same")],
  }),
];

/**
 * Reads open to every member that take an id: not part of the role walk (no role is refused), but
 * part of the cross-organisation walk.
 */
export const OPEN_READS: readonly Row<unknown>[] = [
  row({
    action: null,
    surface: "page /catalogue",
    requires: null,
    data: "catalogue.listCatalogue",
    kind: "read",
    allowed: ALL,
    // "The team's behaviours": those it adapted and those it was observed doing.
    setup: async (s) => ({ o: await s.observation(), filter: CatalogueFilter.parse({ team: s.team.id }) }),
    call: (ctx, i) => listCatalogue(ctx, i.filter),
    ids: [at("filter.team", "same")],
  }),
  row({
    action: null,
    surface: "page /catalogue/[id]",
    requires: null,
    data: "catalogue.getBehaviour",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: s.behaviour.id }),
    call: (ctx, i) => getBehaviour(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /catalogue/[id]",
    requires: null,
    data: "catalogue.behaviourLinks",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ b: await s.barrier(), id: s.behaviour.id }),
    call: (ctx, i) => behaviourLinks(ctx, i.id),
    ids: [at("id", "same")],
  }),
  row({
    action: null,
    surface: "page /catalogue/[id]",
    requires: null,
    data: "catalogue.behaviourWeeks",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ o: await s.observation(), behaviourId: s.behaviour.id, teamId: s.team.id }),
    call: (ctx, i) => behaviourWeeks(ctx, i.behaviourId, i.teamId),
    ids: [at("behaviourId", "same"), at("teamId", "same")],
  }),
  row({
    action: null,
    surface: "page /catalogue/[id]",
    requires: null,
    data: "behaviour-variants.listVariants",
    kind: "read",
    allowed: ALL,
    setup: async (s) => {
      await createVariant(s.people.LEADER.ctx, s.behaviour.id, {
        teamId: s.team.id,
        trigger: "When a customer reports a defect by phone",
        frequency: "within 8 hours",
      });
      return { id: s.behaviour.id };
    },
    call: (ctx, i) => listVariants(ctx, i.id),
    ids: [at("id", "same")],
  }),
  row({
    action: null,
    surface: "page /catalogue/[id]",
    requires: null,
    data: "behaviour-review.listVideoTests",
    kind: "read",
    allowed: ALL,
    setup: async (s, me) => {
      const id = await behaviourIn(s, "IN_REVIEW", me.role);
      const reviewer = s.people[me.role === "MANAGER" ? "ADMIN" : "MANAGER"];
      await recordVideoTest(
        reviewer.ctx,
        VideoTestInput.parse({
          behaviourId: id,
          version: "1",
          camera: "yes",
          actor: "yes",
          moment: "no",
          agreement: "yes",
          verdict: "FAIL",
          notes: "Say when.",
        }),
      );
      return { id };
    },
    call: (ctx, i) => listVideoTests(ctx, i.id),
    ids: [at("id", "same")],
  }),
  row({
    action: null,
    surface: "page /catalogue/[id]",
    requires: null,
    data: "behaviour-review.listVersions",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: s.behaviour.id }),
    call: (ctx, i) => listVersions(ctx, i.id),
    ids: [at("id", "same")],
  }),
  row({
    action: null,
    surface: "page /barriers/[id]",
    requires: null,
    data: "barriers.getBarrier",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: await s.barrier() }),
    call: (ctx, i) => getBarrier(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /barriers/[id]",
    requires: null,
    data: "barriers.missedNotes",
    kind: "read",
    allowed: ALL,
    setup: async (s, me) => {
      await logObservation(
        me.ctx,
        LogObservationInput.parse(logForm(s, { outcome: "missed", note: "Could not find the logs." })),
      );
      return { behaviourIds: [s.behaviour.id], teamIds: [s.team.id] };
    },
    call: (ctx, i) => missedNotes(ctx, i.behaviourIds, i.teamIds),
    ids: [at("behaviourIds", "same"), at("teamIds", "same")],
  }),
  row({
    action: null,
    surface: "page /barriers",
    requires: null,
    data: "barriers.listBarriers",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ b: await s.barrier(), filter: { behaviourId: s.behaviour.id } }),
    call: (ctx, i) => listBarriers(ctx, i.filter),
    ids: [at("filter.behaviourId", "same")],
  }),
  row({
    action: null,
    surface: "page /interventions/[id]",
    requires: null,
    data: "interventions.getIntervention",
    kind: "read",
    allowed: ALL,
    setup: async (s) => {
      const scores = Object.fromEntries(
        ["affordability", "practicability", "effectiveness", "acceptability", "sideEffects", "equity"].map((k) => [
          `${k}Score`,
          "3",
        ]),
      );
      const input = InterventionInput.parse({
        barrierId: await s.barrier(),
        function: "TRAINING",
        title: "Show where the logs are",
        ownerId: s.people.MANAGER.membershipId,
        teamIds: [s.team.id],
        startDate: daysAgo(7),
        ...scores,
      });
      return { id: await createIntervention(s.people.MANAGER.ctx, input) };
    },
    call: (ctx, i) => getIntervention(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /surveys/[id]/respond",
    requires: null,
    data: "surveys.getSurvey",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: (await s.survey()).id }),
    call: (ctx, i) => getSurvey(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /surveys/[id]/respond",
    requires: null,
    data: "surveys.hasResponded",
    kind: "read",
    allowed: ALL,
    setup: async (s, me) => {
      const survey = await s.survey();
      await respondToSurvey(me.ctx, survey.id, new Map(survey.questions.map((q) => [q.id, [q.options[0]!.id]])));
      return { surveyId: survey.id };
    },
    call: (ctx, i) => hasResponded(ctx, i.surveyId),
    ids: [at("surveyId", "same")],
  }),
  row({
    action: null,
    surface: "page /teams/[id]",
    requires: null,
    data: "teams.getTeam",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({ id: s.team.id }),
    call: (ctx, i) => getTeam(ctx, i.id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "page /log",
    requires: null,
    data: "observations.listRecentObservations",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({
      o: await s.observation(),
      filter: ObservationFilter.parse({ team: s.team.id, behaviour: s.behaviour.id }),
    }),
    call: (ctx, i) => listRecentObservations(ctx, i.filter),
    ids: [at("filter.team", "same"), at("filter.behaviour", "same")],
  }),
  row({
    action: null,
    surface: "route /log/export",
    requires: null,
    data: "observation-transfer.exportObservationsCsv",
    kind: "read",
    allowed: ALL,
    setup: async (s) => ({
      o: await s.observation(),
      filter: ObservationFilter.parse({ team: s.team.id, behaviour: s.behaviour.id }),
    }),
    call: (ctx, i) => readText(exportObservationsCsv(ctx, i.filter)),
    ids: [at("filter.team", "same"), at("filter.behaviour", "same")],
  }),
];
