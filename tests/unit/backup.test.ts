// The organisation backup format (src/lib/domain/backup.ts, backup-normal-form.ts, src/lib/schemas/backup.ts):
// the normal form that compares two exports whose ids differ, id remapping, the reference checks and the schema.
import { describe, expect, it } from "vitest";
import {
  BACKUP_TABLES,
  MAX_BACKUP_BYTES,
  TABLE_NAMES,
  backupCounts,
  type BackupRow,
  type OrganisationBackup,
  type TableName,
} from "@/lib/domain/backup";
import { checkBackup, parentLayers, remapBackupRow } from "@/lib/domain/backup-references";
import { KEY_LABEL, normaliseBackup } from "@/lib/domain/backup-normal-form";
import { BackupImportInput, jsonProblem, parseBackupDocument } from "@/lib/schemas/backup";

const T = "2026-01-15T09:30:00.000Z";
const T2 = "2026-01-16T10:00:00.000Z";

/** A small organisation touching every table; `p` prefixes every id, so two docs differ only in ids. */
function sample(p: string): OrganisationBackup {
  const id = (name: string) => `${p}${name}`;
  const empty = Object.fromEntries(TABLE_NAMES.map((t) => [t, [] as BackupRow[]])) as Record<TableName, BackupRow[]>;
  return {
    format: "conduct-organisation-backup",
    version: 4,
    exportedAt: T2,
    organisation: {
      name: "Northwind",
      timeZone: "Pacific/Auckland",
      weekStartsOn: 1,
      leadersManageTeams: false,
      mailMode: "SEND",
    },
    users: [
      { ref: id("uAda"), name: "Ada", email: "ada@example.com" },
      { ref: id("uBob"), name: "Bob", email: "bob@example.com" },
    ],
    tables: {
      ...empty,
      Membership: [
        { id: id("mAda"), userId: id("uAda"), role: "ADMIN", status: "ACTIVE", createdAt: T, updatedAt: T },
        { id: id("mBob"), userId: id("uBob"), role: "MEMBER", status: "DISABLED", createdAt: T, updatedAt: T2 },
      ],
      // The child comes first on purpose: imports and labels must put parents first.
      Team: [
        {
          id: id("tPlatform"),
          name: "Platform",
          kind: "TEAM",
          parentId: id("tStream"),
          createdAt: T,
          archivedAt: T,
          observationTarget: 10,
        },
        {
          id: id("tStream"),
          name: "Delivery",
          kind: "VALUE_STREAM",
          parentId: null,
          createdAt: T,
          archivedAt: null,
          observationTarget: null,
        },
      ],
      TeamMember: [{ teamId: id("tPlatform"), membershipId: id("mBob") }],
      Value: [{ id: id("vOwn"), name: "Ownership", description: "", position: 0, createdAt: T }],
      Behaviour: [
        behaviour(id, "bRoot", "Root cause on the ticket", null, null),
        behaviour(id, "bVariant", "Root cause, platform style", id("bRoot"), id("tPlatform")),
      ],
      BehaviourVersion: [
        {
          id: id("bv1"),
          behaviourId: id("bRoot"),
          version: 1,
          snapshot: { title: "Root cause on the ticket", valueId: id("vOwn"), ownerId: id("mAda") },
          editedById: id("mAda"),
          createdAt: T,
        },
      ],
      VideoTest: [
        {
          id: id("vt1"),
          behaviourId: id("bRoot"),
          behaviourVersion: 1,
          reviewerId: id("mAda"),
          verdict: "PASS",
          answers: { camera: true },
          notes: "",
          createdAt: T,
        },
      ],
      VideoTestTerm: [
        {
          id: id("vtt1"),
          term: "customer-obsessed",
          suggestion: "Name the act",
          createdById: id("mAda"),
          createdAt: T,
        },
      ],
      SpotCheck: [
        {
          id: id("sc1"),
          behaviourId: id("bRoot"),
          teamId: id("tPlatform"),
          observerId: id("mAda"),
          requestedById: null,
          startsOn: "2026-01-12",
          endsOn: "2026-01-18",
          note: "",
          createdAt: T,
          cancelledAt: null,
        },
      ],
      Observation: [
        {
          id: id("o1"),
          behaviourId: id("bRoot"),
          teamId: id("tPlatform"),
          observerId: id("mBob"),
          anonymous: false,
          occurredAt: T,
          performed: 1,
          missed: 0,
          note: "",
          source: "LOG",
          dayOnly: false,
          barrierId: null,
          barrierNote: null,
          idempotencyKey: "key-000001",
          createdAt: T,
          updatedAt: T,
        },
        {
          id: id("o2"),
          behaviourId: id("bRoot"),
          teamId: id("tPlatform"),
          observerId: null,
          anonymous: true,
          occurredAt: T2,
          performed: 0,
          missed: 1,
          note: "Queue too long",
          source: "LOG",
          dayOnly: false,
          barrierId: id("ba1"),
          barrierNote: "The queue was too long to ask",
          idempotencyKey: null,
          createdAt: T2,
          updatedAt: T2,
        },
      ],
      Survey: [
        {
          id: id("s1"),
          behaviourId: id("bRoot"),
          title: "Why not?",
          prevalence: 0.1,
          anonymous: true,
          status: "OPEN",
          closesOn: "2026-02-13",
          closedAt: null,
          deidentifiedAt: null,
          createdById: id("mAda"),
          createdAt: T,
          updatedAt: T,
          deletedAt: null,
        },
      ],
      SurveyQuestion: [
        {
          id: id("q1"),
          surveyId: id("s1"),
          position: 0,
          text: "Did you?",
          kind: "SCREENING",
          determinant: null,
          multiple: false,
        },
      ],
      SurveyOption: [
        { id: id("opYes"), questionId: id("q1"), position: 0, label: "Yes", classifies: "DOER" },
        { id: id("opNo"), questionId: id("q1"), position: 1, label: "No", classifies: "NON_DOER" },
      ],
      SurveyRespondent: [
        {
          id: id("r1"),
          surveyId: id("s1"),
          label: "app-1",
          group: "DOER",
          source: "APP",
          responderKey: `${p}abcdef`,
          membershipId: null,
          createdAt: T,
        },
      ],
      SurveyAnswer: [
        { surveyId: id("s1"), respondentId: id("r1"), questionId: id("q1"), optionId: id("opYes"), group: "DOER" },
      ],
      Barrier: [
        {
          id: id("ba1"),
          title: "Logs are hard to find",
          description: "No access",
          evidence: "",
          comB: "PHYSICAL_OPPORTUNITY",
          determinant: "ACCESS",
          feasibility: "DIFFICULT",
          impact: 4,
          reach: 3,
          ease: 2,
          status: "REMOVED",
          surveyId: id("s1"),
          statistics: { optionId: id("opNo"), doers: 3 },
          removalEvidence: { interventionId: id("i1") },
          createdById: id("mAda"),
          createdAt: T,
          updatedAt: T,
          deletedAt: T2,
        },
      ],
      BarrierBehaviour: [{ barrierId: id("ba1"), behaviourId: id("bRoot") }],
      BarrierTeam: [{ barrierId: id("ba1"), teamId: id("tPlatform") }],
      Intervention: [
        {
          id: id("i1"),
          barrierId: id("ba1"),
          function: "TRAINING",
          title: "Log training",
          description: "",
          ownerId: id("mAda"),
          startDate: T,
          apease: { affordability: { score: 3, note: "" } },
          techniques: ["2.2", "4.1"],
          createdAt: T,
          updatedAt: T,
        },
      ],
      InterventionTeam: [{ interventionId: id("i1"), teamId: id("tPlatform") }],
      Metric: [
        {
          id: id("me1"),
          name: "Retention",
          unit: "%",
          kind: "CUSTOMER_OUTCOME",
          timing: "LAGGING",
          direction: "UP",
          ownerId: null,
          targetType: "AT_LEAST",
          targetValue: 90.5,
          targetDate: "2026-03-31",
          description: "",
          sourceBehaviourId: null,
          createdAt: T,
          updatedAt: T,
          deletedAt: null,
        },
      ],
      MetricTeam: [{ metricId: id("me1"), teamId: id("tStream") }],
      BehaviourMetric: [{ behaviourId: id("bRoot"), metricId: id("me1") }],
      MetricReading: [
        { id: id("mr1"), metricId: id("me1"), teamId: null, date: "2026-01-12", value: 91.25, createdAt: T },
      ],
      CustomerFeedback: [
        {
          id: id("cf1"),
          quote: "A customer thanked us.",
          source: "OTHER",
          receivedOn: "2026-01-12",
          customer: "",
          sentiment: "MIXED",
          isStory: true,
          importKey: null,
          createdById: id("mAda"),
          createdAt: T,
          updatedAt: T,
        },
      ],
      FeedbackBehaviour: [{ feedbackId: id("cf1"), behaviourId: id("bRoot") }],
      FeedbackBarrier: [{ feedbackId: id("cf1"), barrierId: id("ba1") }],
      FeedbackMetric: [{ feedbackId: id("cf1"), metricId: id("me1") }],
      FeedbackTeam: [{ feedbackId: id("cf1"), teamId: id("tPlatform") }],
      Ritual: [
        {
          id: id("rit1"),
          kind: "RETROSPECTIVE",
          title: "Platform retro",
          teamId: id("tPlatform"),
          cadence: "FORTNIGHTLY",
          weekday: 5,
          weekOfMonth: null,
          startTime: "15:00",
          startsOn: "2026-01-09",
          facilitatorId: id("mAda"),
          createdById: id("mAda"),
          createdAt: T,
          updatedAt: T,
          archivedAt: null,
        },
      ],
      RitualParticipant: [{ ritualId: id("rit1"), membershipId: id("mBob") }],
      RitualOccurrence: [
        {
          id: id("ro1"),
          ritualId: id("rit1"),
          date: "2026-01-09",
          periodStart: "2025-12-26",
          heldAt: T,
          cancelledAt: null,
          createdAt: T,
        },
      ],
      AgendaItem: [
        {
          id: id("ai1"),
          occurrenceId: id("ro1"),
          section: "CUSTOMER_STORY",
          position: 0,
          title: "Customer story",
          prompt: "",
          notes: "Told by Ada.",
          storyId: id("cf1"),
          createdAt: T,
          updatedAt: T,
        },
      ],
      ActionItem: [
        {
          id: id("ac1"),
          title: "Shorten the queue",
          detail: "",
          ownerId: id("mBob"),
          dueOn: "2026-01-23",
          status: "OPEN",
          dropReason: "",
          closedAt: null,
          occurrenceId: id("ro1"),
          teamId: id("tPlatform"),
          behaviourId: id("bRoot"),
          barrierId: id("ba1"),
          interventionId: id("i1"),
          metricId: id("me1"),
          createdById: id("mAda"),
          createdAt: T,
          updatedAt: T,
        },
      ],
      AnchorQuestion: [
        {
          id: id("aq1"),
          text: "How does this improve customer outcomes?",
          position: 0,
          createdAt: T,
          archivedAt: null,
        },
      ],
      Decision: [
        {
          id: id("d1"),
          title: "Root causes go on every ticket",
          detail: "",
          status: "DECIDED",
          decidedById: id("mAda"),
          decidedAt: T,
          occurrenceId: id("ro1"),
          teamId: id("tPlatform"),
          behaviourId: id("bRoot"),
          createdById: id("mAda"),
          createdAt: T,
          updatedAt: T,
        },
      ],
      DecisionAnswer: [
        {
          id: id("da1"),
          decisionId: id("d1"),
          position: 0,
          question: "How does this improve customer outcomes?",
          answer: "Fewer repeat contacts.",
        },
      ],
      Recognition: [
        {
          id: id("rc1"),
          giverId: id("mAda"),
          recipientMembershipId: id("mBob"),
          recipientTeamId: null,
          behaviourId: id("bRoot"),
          act: "Bob wrote the root cause on ticket 42.",
          customerEffect: "The customer did not have to call again.",
          observationId: id("o1"),
          createdAt: T,
        },
      ],
      NotificationDefault: [{ kind: "CUE", channel: "NONE", updatedAt: T }],
      NotificationPreference: [{ membershipId: id("mBob"), kind: "DIGEST", channel: "NONE", updatedAt: T }],
      Webhook: [
        {
          id: id("wh1"),
          name: "Platform channel",
          url: "https://hooks.example.com/platform",
          format: "SLACK",
          events: ["cue", "recognition.given"],
          teamId: id("tPlatform"),
          enabled: true,
          disabledAt: null,
          disabledReason: null,
          consecutiveFailures: 0,
          createdById: id("mAda"),
          createdAt: T,
          updatedAt: T,
        },
      ],
      BehaviourCue: [
        {
          id: id("cue1"),
          behaviourId: id("bRoot"),
          message: "Before closing a ticket, ask the customer to confirm the fix.",
          weekdays: [1, 3],
          localTime: "09:00",
          email: true,
          webhookId: id("wh1"),
          enabled: true,
          createdById: id("mAda"),
          createdAt: T,
          updatedAt: T,
        },
      ],
      AuditEvent: [
        {
          id: id("a1"),
          actorUserId: id("uAda"),
          action: "behaviour.variant",
          targetType: "Behaviour",
          targetId: id("bVariant"),
          outcome: "ok",
          ip: null,
          details: { parentId: id("bRoot") },
          at: T,
        },
        {
          id: id("a2"),
          actorUserId: null,
          action: "organization.create",
          targetType: "Organization",
          targetId: "corg0000000000000000000",
          outcome: "ok",
          ip: "127.0.0.1",
          details: null,
          at: T,
        },
      ],
    },
  };
}

function behaviour(
  id: (n: string) => string,
  key: string,
  title: string,
  parentId: string | null,
  teamId: string | null,
): BackupRow {
  return {
    id: id(key),
    valueId: id("vOwn"),
    title,
    actor: "The engineer",
    action: "posts the root cause",
    trigger: "When a defect is fixed",
    frequency: "every time",
    completionCriterion: "A comment",
    customerOutcome: "Customers know",
    example: "",
    anchors: ["Would the customer notice?"],
    ownerId: id("mAda"),
    authorId: id("mAda"),
    status: "ACTIVE",
    version: 1,
    parentId,
    teamId,
    createdAt: T,
    updatedAt: T,
    deletedAt: null,
  };
}

const shuffled = (doc: OrganisationBackup): OrganisationBackup => ({
  ...doc,
  users: [...doc.users].reverse(),
  tables: Object.fromEntries(TABLE_NAMES.map((t) => [t, [...doc.tables[t]].reverse()])) as Record<
    TableName,
    BackupRow[]
  >,
});

describe("the backup format", () => {
  it("describes every table with a column spec, and the sample touches every table", () => {
    expect(Object.keys(BACKUP_TABLES).sort()).toEqual([...TABLE_NAMES].sort());
    const counts = backupCounts(sample("c"));
    for (const t of TABLE_NAMES) expect(counts[t], t).toBeGreaterThan(0);
    expect(counts.users).toBe(2);
  });
});

describe("normaliseBackup", () => {
  it("gives two documents with the same content and different ids (in any row order) the same normal form", () => {
    const a = normaliseBackup(sample("ca"));
    const b = normaliseBackup(shuffled(sample("cb")));
    expect(b.doc).toEqual(a.doc);
    // Labels depend on content: the value stream sorts before the team by its content, users by e-mail.
    expect(a.labels.get("cauAda")).toBe("User#1");
    expect(a.labels.get("catStream")).toBe(a.doc.tables.Team.find((t) => t.name === "Delivery")!.id);
    expect(a.labels.get("cbtStream")).toBeUndefined();
  });

  it("replaces ids in references, JSON and audit mentions, hides responder keys, and keeps other values", () => {
    const { doc, labels } = normaliseBackup(sample("ca"));
    const text = JSON.stringify(doc);
    expect(labels.size).toBe(
      2 +
        TABLE_NAMES.filter((t) => "id" in BACKUP_TABLES[t].columns).reduce(
          (n, t) => n + sample("ca").tables[t].length,
          0,
        ),
    );
    for (const original of labels.keys()) expect(text).not.toContain(`"${original}"`);
    const barrier = doc.tables.Barrier[0]!;
    expect(barrier.statistics).toEqual({ optionId: expect.stringMatching(/^SurveyOption#\d$/), doers: 3 });
    expect(barrier.removalEvidence).toEqual({ interventionId: "Intervention#1" });
    expect(doc.tables.BehaviourVersion[0]!.snapshot).toEqual({
      title: "Root cause on the ticket",
      valueId: "Value#1",
      ownerId: "Membership#1",
    });
    expect(doc.tables.SurveyRespondent[0]!.responderKey).toBe(KEY_LABEL);
    const audits = doc.tables.AuditEvent;
    expect(audits.map((a) => a.targetId).sort()).toEqual(["Behaviour#2", "corg0000000000000000000"]);
    expect(audits.find((a) => a.action === "behaviour.variant")!.details).toEqual({ parentId: "Behaviour#1" });
  });

  it("tells documents apart when content differs, also when only a reference moved", () => {
    const base = normaliseBackup(sample("ca")).doc;
    const note = sample("cb");
    note.tables.Observation[1]!.note = "Queue short";
    expect(normaliseBackup(note).doc).not.toEqual(base);
    const moved = sample("cb");
    moved.tables.Observation[0]!.teamId = "cbtStream";
    expect(normaliseBackup(moved).doc).not.toEqual(base);
    const json = sample("cb");
    json.tables.Barrier[0]!.statistics = { optionId: "cbopYes", doers: 3 };
    expect(normaliseBackup(json).doc).not.toEqual(base);
  });
});

describe("remapBackupRow and parentLayers", () => {
  it("maps the row's id, its references, audit mentions and ids inside JSON; leaves unknown mentions and keys", () => {
    const doc = sample("c");
    const map = new Map<string, string>([
      ["cba1", "n1"],
      ["cs1", "n2"],
      ["cmAda", "n3"],
      ["copNo", "n4"],
      ["ci1", "n5"],
      ["cbVariant", "n6"],
      ["cuAda", "n7"],
      ["cbRoot", "n8"],
      ["ca1", "n9"],
      ["ca2", "n10"],
    ]);
    const barrier = remapBackupRow("Barrier", doc.tables.Barrier[0]!, map);
    expect(barrier).toMatchObject({
      id: "n1",
      surveyId: "n2",
      createdById: "n3",
      statistics: { optionId: "n4", doers: 3 },
      removalEvidence: { interventionId: "n5" },
      impact: 4,
      deletedAt: T2,
    });
    const [a1, a2] = doc.tables.AuditEvent.map((r) => remapBackupRow("AuditEvent", r, map));
    expect(a1).toMatchObject({ id: "n9", actorUserId: "n7", targetId: "n6", details: { parentId: "n8" } });
    expect(a2).toMatchObject({ id: "n10", actorUserId: null, targetId: "corg0000000000000000000" });
    expect(() => remapBackupRow("Team", doc.tables.Team[0]!, new Map())).toThrow(/not in the id map/);
  });

  it("orders self-referencing rows parents first, and finds circles", () => {
    const teams = sample("c").tables.Team;
    expect(parentLayers("Team", teams)!.map((l) => l.map((t) => t.name))).toEqual([["Delivery"], ["Platform"]]);
    const circle = teams.map((t) => ({ ...t, parentId: t.id === "ctPlatform" ? "ctStream" : "ctPlatform" }));
    expect(parentLayers("Team", circle)).toBeNull();
    expect(parentLayers("Value", sample("c").tables.Value)).toHaveLength(1);
  });
});

describe("checkBackup", () => {
  it("accepts a consistent document", () => {
    expect(checkBackup(sample("c"))).toEqual([]);
  });

  const cases: [string, (d: OrganisationBackup) => void, RegExp][] = [
    ["an id used twice", (d) => void (d.tables.Value[0]!.id = "ctPlatform"), /the id ctPlatform is used twice/],
    [
      "a reference to a row not in the file (another organisation's id)",
      (d) => void (d.tables.Observation[0]!.teamId = "cforeign00000000000000000"),
      /Observation row 1: teamId cforeign0+ names no Team in the file/,
    ],
    [
      "a reference to a row of the wrong table",
      (d) => void (d.tables.Observation[0]!.behaviourId = "ctPlatform"),
      /behaviourId ctPlatform names no Behaviour/,
    ],
    [
      "a member whose user is missing",
      (d) => void (d.tables.Membership[1]!.userId = "cuNobody"),
      /userId cuNobody names no user/,
    ],
    [
      "a user listed twice by e-mail",
      (d) => void (d.users[1]!.email = "ADA@example.com"),
      /ada@example.com is listed twice/,
    ],
    [
      "two teams with the same name",
      (d) => void (d.tables.Team[1]!.name = "Platform"),
      /Team row 2: another row has the same name/,
    ],
    [
      "the same answer twice",
      (d) => void d.tables.SurveyAnswer.push({ ...d.tables.SurveyAnswer[0]! }),
      /SurveyAnswer row 2: another row has the same respondentId and optionId/,
    ],
    [
      "teams that are each other's parent",
      (d) => void (d.tables.Team[1]!.parentId = "ctPlatform"),
      /Team: the rows name each other as parents in a circle/,
    ],
    [
      "an answer whose group differs from its respondent's",
      (d) => void (d.tables.SurveyAnswer[0]!.group = "NON_DOER"),
      /group differs from its respondent's/,
    ],
    [
      "an answer with another question's option",
      (d) => {
        d.tables.SurveyQuestion.push({ ...d.tables.SurveyQuestion[0]!, id: "cq2", position: 1 });
        d.tables.SurveyAnswer[0]!.questionId = "cq2";
      },
      /option is not a response to its question/,
    ],
    [
      "a version snapshot naming a value outside the file",
      (d) => void ((d.tables.BehaviourVersion[0]!.snapshot as Record<string, string>).valueId = "cforeignvalue"),
      /snapshot.valueId names no Value/,
    ],
  ];
  it.each(cases)("refuses %s, saying where", (_name, spoil, message) => {
    const d = sample("c");
    spoil(d);
    const problems = checkBackup(d);
    expect(problems.join(" ")).toMatch(message);
  });

  it("stops after ten problems", () => {
    const d = sample("c");
    for (let i = 0; i < 30; i++)
      d.tables.Observation.push({ ...d.tables.Observation[0]!, id: `cx${i}`, idempotencyKey: null, teamId: "cgone" });
    expect(checkBackup(d)).toHaveLength(10);
  });
});

describe("the backup schema", () => {
  const text = (d: unknown) => JSON.stringify(d);
  const withRow = (table: TableName, change: (r: Record<string, unknown>) => void) => {
    const d = sample("c") as unknown as { tables: Record<string, Record<string, unknown>[]> };
    change(d.tables[table]![0]!);
    return text(d);
  };
  const refused = (content: string) => {
    const r = parseBackupDocument(content);
    expect(r.ok).toBe(false);
    return r.ok ? "" : r.message;
  };

  it("reads a valid backup unchanged", () => {
    const r = parseBackupDocument(text(sample("c")));
    expect(r.ok && r.data).toEqual(sample("c"));
  });

  it("reads a file written before a nullable column existed, with the column null", () => {
    const old = sample("c");
    old.tables.Team = old.tables.Team.map(({ archivedAt: _new, ...rest }) => rest);
    const r = parseBackupDocument(text(old));
    expect(r.ok && r.data.tables.Team.map((t) => t.archivedAt)).toEqual([null, null]);
  });

  it("reads a survey written before closing days existed as open until closed by hand", () => {
    const old = sample("c");
    old.tables.Survey = old.tables.Survey.map(({ closesOn: _new, ...rest }) => rest);
    const r = parseBackupDocument(text(old));
    expect(r.ok, r.ok ? "" : r.message).toBe(true);
    expect(r.ok && r.data.tables.Survey.map((s) => [s.id, s.closesOn])).toEqual([["cs1", null]]);
    expect(refused(withRow("Survey", (s) => (s.closesOn = "2026-02-30")))).toMatch(/Survey row 1, closesOn/);
  });

  it("reads a version 2 file: an observation at 12:00 UTC was logged for a day, and issue 17's tables are empty", () => {
    const doc = sample("c");
    const {
      NotificationDefault: _a,
      NotificationPreference: _b,
      Webhook: _c,
      BehaviourCue: _d,
      ...v2tables
    } = doc.tables;
    const observations = v2tables.Observation.map(({ dayOnly: _new, ...o }) => o);
    const v2 = {
      ...doc,
      version: 2,
      organisation: { name: "Northwind" },
      tables: {
        ...v2tables,
        Observation: [
          { ...observations[0], id: "coDay", occurredAt: "2026-01-12T12:00:00.000Z" },
          { ...observations[0], id: "coTime", occurredAt: "2026-01-12T12:00:00.001Z" },
        ],
      },
    };
    const r = parseBackupDocument(text(v2));
    expect(r.ok, r.ok ? "" : r.message).toBe(true);
    if (!r.ok) return;
    expect(r.data.version).toBe(4);
    // Before time zones, every organisation's days were UTC days.
    expect(r.data.organisation).toEqual({ name: "Northwind", timeZone: "UTC" });
    expect(r.data.tables.Observation.map((o) => [o.id, o.dayOnly])).toEqual([
      ["coDay", true],
      ["coTime", false],
    ]);
    expect(r.data.tables.Webhook).toEqual([]);
    expect(r.data.tables.BehaviourCue).toEqual([]);
  });

  it("reads a version 3 file: it carries no settings, so the importing organisation keeps its own", () => {
    const r = parseBackupDocument(text({ ...sample("c"), version: 3, organisation: { name: "Northwind" } }));
    expect(r.ok, r.ok ? "" : r.message).toBe(true);
    if (!r.ok) return;
    expect(r.data.version).toBe(4);
    expect(r.data.organisation).toEqual({ name: "Northwind" });
    // Its surveys had no closing day: open until closed by hand.
    const v3 = sample("c");
    v3.tables.Survey = v3.tables.Survey.map(({ closesOn: _new, ...rest }) => rest);
    // Nor had its interventions techniques: none recorded.
    v3.tables.Intervention = v3.tables.Intervention.map(({ techniques: _new, ...rest }) => rest);
    const old = parseBackupDocument(text({ ...v3, version: 3, organisation: { name: "Northwind" } }));
    expect(old.ok && old.data.tables.Survey.map((s) => s.closesOn)).toEqual([null]);
    expect(old.ok && old.data.tables.Intervention.map((i) => i.techniques)).toEqual([[]]);
  });

  it("reads a version 1 file: its customer stories become feedback items marked as stories", () => {
    const doc = sample("c");
    const { CustomerFeedback: _s, Recognition: _r, ...v2tables } = doc.tables;
    const v1 = {
      ...doc,
      version: 1,
      organisation: { name: "Northwind" },
      tables: {
        ...v2tables,
        CustomerStory: [
          { id: "ccs1", meetingDate: "2026-01-12", story: "A customer thanked us.", authorId: "cmAda", createdAt: T },
        ],
      },
    };
    // Version 1 had no embedding tables: without them the file stays consistent.
    for (const t of [
      "FeedbackBehaviour",
      "FeedbackBarrier",
      "FeedbackMetric",
      "FeedbackTeam",
      "RitualParticipant",
      "RitualOccurrence",
      "AgendaItem",
      "ActionItem",
      "AnchorQuestion",
      "Decision",
      "DecisionAnswer",
      "Ritual",
    ])
      delete (v1.tables as Record<string, unknown>)[t];
    const r = parseBackupDocument(text(v1));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.data.version).toBe(4);
    expect(r.data.organisation.timeZone).toBe("UTC");
    expect(r.data.tables.CustomerFeedback).toEqual([
      {
        id: "ccs1",
        quote: "A customer thanked us.",
        source: "OTHER",
        receivedOn: "2026-01-12",
        customer: "",
        sentiment: "MIXED",
        isStory: true,
        importKey: null,
        createdById: "cmAda",
        createdAt: T,
        updatedAt: T,
      },
    ]);
    expect(r.data.tables.Ritual).toEqual([]);
    expect(r.data.tables.Recognition).toEqual([]);
  });

  it("refuses what is not a backup of this format and version", () => {
    expect(refused("{not json")).toMatch(/not valid JSON/);
    expect(refused(text({ format: "conduct-catalogue", version: 1 }))).toMatch(/not a Conduct organisation backup/);
    expect(refused("[]")).toMatch(/not a Conduct organisation backup/);
    expect(refused(text({ ...sample("c"), version: 5 }))).toMatch(
      /format version 5; this version of Conduct reads versions 1, 2, 3 and 4/,
    );
    expect(refused(text({ ...sample("c"), organisation: { name: "N", timeZone: "Mars/Olympus" } }))).toMatch(
      /organisation.timeZone: Choose a time zone from the list/,
    );
    const { AuditEvent: _gone, ...tables } = sample("c").tables;
    expect(refused(text({ ...sample("c"), tables }))).toMatch(/tables.AuditEvent/);
  });

  it("refuses wrong types, unknown keys, bad enums and dates, naming the row and column", () => {
    expect(refused(withRow("Observation", (r) => (r.performed = "1")))).toMatch(
      /^The file cannot be imported: Observation row 1, performed: .*expected number/,
    );
    expect(refused(withRow("Observation", (r) => (r.performed = 1.5)))).toMatch(
      /Observation row 1, performed: Expected a whole number/,
    );
    expect(refused(withRow("Observation", (r) => (r.performed = 3_000_000_000)))).toMatch(
      /Observation row 1, performed: Too large/,
    );
    expect(refused(withRow("Team", (r) => (r.organizationId = "cother")))).toMatch(/Team row 1.*organizationId/);
    expect(refused(withRow("Membership", (r) => (r.role = "OWNER")))).toMatch(/Membership row 1, role/);
    expect(refused(withRow("Membership", (r) => (r.createdAt = "2026-02-30T00:00:00.000Z")))).toMatch(
      /Membership row 1, createdAt: Not a real date-time/,
    );
    expect(refused(withRow("Membership", (r) => (r.createdAt = "yesterday")))).toMatch(
      /Membership row 1, createdAt: Expected a UTC date-time/,
    );
    expect(refused(withRow("MetricReading", (r) => (r.date = "2026-13-01")))).toMatch(
      /MetricReading row 1, date: Not a real date/,
    );
    expect(refused(withRow("Team", (r) => (r.id = "c'; DROP TABLE x; --")))).toMatch(/Team row 1, id: Expected an id/);
    expect(refused(withRow("Team", (r) => delete r.kind))).toMatch(/Team row 1, kind/);
    const bad = sample("c") as unknown as { users: Record<string, unknown>[] };
    bad.users[0]!.passwordHash = "$2b$10$…";
    expect(refused(text(bad))).toMatch(/user 1.*passwordHash/);
  });

  it("refuses huge and hostile text and JSON", () => {
    expect(refused(withRow("Observation", (r) => (r.note = "x".repeat(10_001))))).toMatch(
      /Observation row 1, note: Longer than 10000 characters/,
    );
    expect(refused(withRow("Team", (r) => (r.name = "x".repeat(1_001))))).toMatch(/Team row 1, name: Longer than 1000/);
    expect(refused(withRow("Team", (r) => (r.name = "Plat\u202Eform")))).toMatch(
      /Team row 1, name: Contains control characters/,
    );
    expect(refused(withRow("Behaviour", (r) => (r.anchors = Array.from({ length: 51 }, () => "a"))))).toMatch(
      /Behaviour row 1, anchors: More than 50 items/,
    );
    expect(refused(withRow("AuditEvent", (r) => (r.details = JSON.parse('{"__proto__":{"polluted":true}}'))))).toMatch(
      /AuditEvent row 1, details: Has a key that is not allowed/,
    );
    let deep: unknown = 1;
    for (let i = 0; i < 20; i++) deep = [deep];
    expect(refused(withRow("AuditEvent", (r) => (r.details = deep)))).toMatch(/Nested deeper than 12 levels/);
    expect(refused(withRow("AuditEvent", (r) => (r.details = Array.from({ length: 20_001 }, () => 0))))).toMatch(
      /More than 20000 values/,
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(jsonProblem({ a: [1, "two", null, { b: true }] })).toBeNull();
    expect(jsonProblem(Number.NaN)).toMatch(/finite/);
  });

  it("says how many problems follow the first", () => {
    const d = sample("c") as unknown as { tables: Record<string, Record<string, unknown>[]> };
    d.tables.Team![0]!.name = 1;
    d.tables.Team![1]!.name = 2;
    expect(refused(text(d))).toMatch(/\(1 more problem after this one\)$/);
  });

  it("limits the uploaded text's size", () => {
    expect(BackupImportInput.safeParse({ content: "" }).success).toBe(false);
    expect(BackupImportInput.safeParse({ content: "{}" }).success).toBe(true);
    const big = BackupImportInput.safeParse({ content: "x".repeat(MAX_BACKUP_BYTES + 1) });
    expect(big.success ? "" : big.error.issues[0]!.message).toMatch(/larger than 50 MB/);
  });
});
