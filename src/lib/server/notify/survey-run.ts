import "server-only";
// Surveys closing tomorrow (docs/decisions/023), at the daily reminders' local 09:00: everyone asked who has not
// answered gets a reminder with the link to answer, the author a summary of the responses so far, and the
// organisation's chat channels a "reminder" event. Whoever answered is found by the same keyed fingerprint that
// stops a second response, so an anonymous survey still stores nobody's name, here or in the ledger.
import { db } from "../db";
import { addDays, dateOnly, fromDateOnly } from "@/lib/domain/dates";
import { SEND_KINDS, surveyClosingSummary, surveyReminder } from "@/lib/domain/reminders";
import { can, type Role } from "@/lib/domain/roles";
import { remindsOn, stillToAnswer } from "@/lib/domain/survey-closing";
import type { DueSlot } from "@/lib/domain/schedules";
import { responderKey } from "../data/surveys";
import { appUrl } from "./channels";
import { add, type Sent } from "./ledger";
import type { NotifyOrg } from "./org";
import { mailTo, NONE, once } from "./reminders-run";

export async function runSurveyReminders(org: NotifyOrg, slot: DueSlot, now: Date): Promise<Sent> {
  const closesOn = addDays(slot.day, 1);
  const surveys = await db().survey.findMany({
    where: {
      organizationId: org.id,
      status: "OPEN",
      closesOn: dateOnly(closesOn),
      deletedAt: null,
      behaviour: { deletedAt: null },
    },
    select: {
      id: true,
      title: true,
      status: true,
      closesOn: true,
      createdBy: { select: { id: true, role: true } },
    },
    orderBy: { id: "asc" },
  });
  const due = surveys.filter((s) =>
    remindsOn({ status: s.status, closesOn: s.closesOn ? fromDateOnly(s.closesOn) : null }, slot.day),
  );
  if (due.length === 0) return NONE;
  // Anyone in the organisation may answer (the answer page asks only for membership), so everyone is asked;
  // recipientsFor keeps the active members whose channel for survey reminders is e-mail.
  const [members, teams] = await Promise.all([
    db().membership.findMany({ where: { organizationId: org.id, status: "ACTIVE" }, select: { id: true } }),
    db().team.findMany({ where: { organizationId: org.id, archivedAt: null }, select: { id: true } }),
  ]);
  const asked = members.map((m) => m.id);
  let sent = NONE;
  for (const s of due) {
    const url = appUrl(`/surveys/${s.id}/respond`);
    const msg = surveyReminder({ title: s.title, closesOn, url });
    const period = closesOn;
    sent = add(
      sent,
      await once(
        { organizationId: org.id, kind: SEND_KINDS.survey, subjectId: s.id, period },
        async () => {
          const keyOf = (m: string) => responderKey(s.id, m);
          const answered = await db().surveyRespondent.findMany({
            where: { organizationId: org.id, surveyId: s.id, responderKey: { in: asked.map(keyOf) } },
            select: { responderKey: true },
          });
          const keys = new Set(answered.map((a) => a.responderKey as string));
          return [
            ...(await mailTo(org, "SURVEY_REMINDER", SEND_KINDS.survey, stillToAnswer(asked, keys, keyOf), msg)),
            {
              recipient: "webhooks",
              webhook: {
                event: { type: "reminder", title: msg.subject, body: msg.lines[0]!, url },
                teamIds: teams.map((t) => t.id),
              },
            },
          ];
        },
        now,
      ),
    );
    // The author reads the figures only while they may still see the results.
    if (!can(s.createdBy.role as Role, "barriers.manage", { leadersManageTeams: org.leadersManageTeams })) continue;
    sent = add(
      sent,
      await once(
        { organizationId: org.id, kind: SEND_KINDS.surveySummary, subjectId: s.id, period },
        async () => {
          const groups = await db().surveyRespondent.groupBy({
            by: ["group"],
            where: { organizationId: org.id, surveyId: s.id },
            _count: { _all: true },
          });
          const count = (g?: string) =>
            groups.filter((x) => !g || x.group === g).reduce((n, x) => n + x._count._all, 0);
          const summary = surveyClosingSummary({
            title: s.title,
            closesOn,
            responses: count(),
            doers: count("DOER"),
            nonDoers: count("NON_DOER"),
            url: appUrl(`/surveys/${s.id}`),
          });
          return mailTo(org, "SURVEY_REMINDER", SEND_KINDS.surveySummary, [s.createdBy.id], summary);
        },
        now,
      ),
    );
  }
  return sent;
}
