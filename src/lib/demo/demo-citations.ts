// What got in the way, as Northwind's members said it on the Log pad (issue 18 §2): a share of the
// demo's recent missed entries cite a known barrier, and a few carry "something else" texts for a
// leader to group and turn into a barrier. Titles as in demo-names.ts.
import { CONFIRM, MARKETING, NOTES, OWNER, QUEUE, REMINDER } from "./demo-names";

export interface DemoCitation {
  behaviour: string;
  barrier: string;
  /** Every n-th missed entry of the last 12 weeks (in the barrier's teams) cites the barrier. */
  every: number;
}

export const DEMO_CITATIONS: DemoCitation[] = [
  { behaviour: CONFIRM, barrier: REMINDER, every: 3 },
  { behaviour: OWNER, barrier: QUEUE, every: 4 },
  { behaviour: NOTES, barrier: MARKETING, every: 5 },
];

/** "Something else" texts, each on one more uncited missed entry of the behaviour (newest first). */
export const DEMO_SOMETHING_ELSE: { behaviour: string; text: string }[] = [
  { behaviour: CONFIRM, text: "The customer's phone went to voicemail" },
  { behaviour: CONFIRM, text: "The customer’s voicemail was full" },
  { behaviour: CONFIRM, text: "Went to voicemail twice" },
  { behaviour: OWNER, text: "Ticket came in over the weekend" },
  { behaviour: OWNER, text: "Weekend ticket, nobody on rota" },
  { behaviour: NOTES, text: "Release was a hotfix, no time for notes" },
];
