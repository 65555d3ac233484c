import { z } from "./zod";
import { isJobFilter, type JobFilter } from "@/lib/domain/jobs";

export const RetryJobInput = z.object({
  jobId: z.string().regex(/^[0-9a-f-]{36}$/, "That job cannot be retried."),
});

type SearchParams = Record<string, string | string[] | undefined>;
const first = (sp: SearchParams, key: string) => {
  const v = sp[key];
  return Array.isArray(v) ? v[0] : v;
};

/** The page's state filter and cursor, leniently: anything unreadable falls back to the defaults. */
export function parseJobParams(sp: SearchParams): { filter: JobFilter; cursor: string | undefined } {
  const state = first(sp, "state");
  const cursor = first(sp, "cursor");
  return { filter: isJobFilter(state) ? state : "all", cursor: cursor && cursor.length <= 80 ? cursor : undefined };
}
