// "Fabrikam Health", the demo's small second organisation: it shows that organisations never see each other's
// data, and its two-person team shows the minimum group size (decision 039).
import type { DemoOrganization } from "./demo-types";

export const SECOND_ORG: DemoOrganization = {
  name: "Fabrikam Health",
  slug: "fabrikam",
  users: [
    { key: "admin", name: "Farah Haddad", email: "admin@fabrikam.example", role: "ADMIN", teams: ["Discharge Team"] },
    {
      key: "member",
      name: "Felix Moreau",
      email: "member@fabrikam.example",
      role: "MEMBER",
      teams: ["Discharge Team"],
    },
  ],
  teams: [
    { name: "Patient Journey", kind: "VALUE_STREAM" },
    { name: "Discharge Team", kind: "TEAM", parent: "Patient Journey" },
  ],
  teamAdoptionOffset: { "Discharge Team": 0 },
  values: [
    {
      name: "Fabrikam patients first",
      description: "Patients leave knowing what happens next.",
      behaviours: [
        {
          title: "Fabrikam discharge summary call within 48 h",
          actor: "The discharge nurse",
          action: "calls the patient and reads back the discharge summary",
          trigger: "After a patient is discharged",
          frequency: "within 48 hours",
          completionCriterion: "The patient record shows a call entry with the time and the summary read back",
          customerOutcome: "Patients follow their care plan after leaving",
          example: "Nurse called Mr Jansen on day 2 and confirmed his medication times.",
          anchors: ["What does the patient need to know tonight?"],
          ownerKey: "admin",
          status: "ACTIVE",
          baseRate: 0.6,
          trend: 0.1,
          dailyOpportunities: 1,
        },
      ],
    },
  ],
  barriers: [
    {
      title: "Fabrikam call list printed too late",
      description: "The discharge list reaches nurses after the morning calls slot.",
      evidence: "List printed at 11:30; calls slot ends 11:00.",
      comB: "PHYSICAL_OPPORTUNITY",
      determinant: "POLICY",
      feasibility: "DIFFICULT",
      impact: 4,
      reach: 3,
      ease: 4,
      status: "IDENTIFIED",
      behaviourTitles: ["Fabrikam discharge summary call within 48 h"],
      teams: ["Discharge Team"],
    },
  ],
  metrics: [
    {
      name: "Fabrikam readmission rate",
      unit: "%",
      kind: "CUSTOMER_OUTCOME",
      timing: "LAGGING",
      direction: "DOWN",
      ownerKey: "admin",
      targetType: "AT_MOST",
      targetValue: 8,
      start: 11,
      end: 9.5,
      noise: 0.5,
      behaviourTitles: ["Fabrikam discharge summary call within 48 h"],
      createdMonthsAgo: 5,
    },
  ],
};
