// The rest of Northwind's teams: three more members each, so that every demo team has at least five
// people and shows its figures under the default minimum group size (decision 039). They log and
// are logged for like anyone else; the role accounts of demo-orgs.ts are the ones to sign in with.
import type { DemoUser } from "./demo-types";

const teammate = (name: string, team: string): DemoUser => {
  const first = name.split(" ")[0]!.toLowerCase();
  return { key: first, name, email: `${first}@northwind.example`, role: "MEMBER", teams: [team] };
};

export const NORTHWIND_TEAMMATES: DemoUser[] = [
  teammate("Nora Lindqvist", "Onboarding Squad"),
  teammate("Kwame Asante", "Onboarding Squad"),
  teammate("Isabel Cruz", "Onboarding Squad"),
  teammate("Omar Siddiqui", "Support Engineering"),
  teammate("Hannah Weber", "Support Engineering"),
  teammate("Luca Romano", "Support Engineering"),
  teammate("Wei Chen", "Payments"),
  teammate("Amara Nwosu", "Payments"),
  teammate("Jonas Berg", "Payments"),
  teammate("Rosa Martin", "Platform Reliability"),
  teammate("Dmitri Volkov", "Platform Reliability"),
  teammate("Aisha Khan", "Platform Reliability"),
  teammate("Ben Carter", "Reporting"),
  teammate("Sofia Rossi", "Reporting"),
  teammate("Kenji Sato", "Reporting"),
];
