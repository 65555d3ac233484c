import "server-only";

/** What the tick knows of an organisation. */
export interface NotifyOrg {
  id: string;
  name: string;
  timeZone: string;
  weekStartsOn: number;
  leadersManageTeams: boolean;
}
