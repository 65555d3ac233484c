import "server-only";
import type { MemberContext } from "../data/accounts";
import type { TimeZone, WeekStartsOn } from "@/lib/domain/dates";

/** What the tick knows of an organisation. */
export interface NotifyOrg {
  id: string;
  name: string;
  timeZone: string;
  weekStartsOn: number;
  leadersManageTeams: boolean;
}

/**
 * The context the tick reads organisation-wide figures with (coverage, overdue actions): nobody signed in, an
 * admin's view, used only for what a digest shows to managers. It is never given to anything that writes.
 */
export function systemContext(org: NotifyOrg): MemberContext {
  return {
    userId: "",
    userName: "Conduct",
    email: "",
    membershipId: "",
    orgId: org.id,
    orgName: org.name,
    role: "ADMIN",
    policy: { leadersManageTeams: org.leadersManageTeams },
    timeZone: org.timeZone as TimeZone,
    weekStartsOn: org.weekStartsOn as WeekStartsOn,
    displayTimeZone: org.timeZone as TimeZone,
  };
}
