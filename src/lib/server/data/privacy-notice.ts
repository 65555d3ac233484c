import "server-only";
import { db } from "../db";
import { retentionSettings, type RetentionSettingsDto } from "./retention";
import { minGroupSizeOf } from "./group-size";
import {
  accessLines,
  reportingRules,
  retentionBounds,
  securityEventsKept,
  type AccessLine,
} from "@/lib/domain/privacy-notice";
import type { Role } from "@/lib/domain/roles";
import type { MemberContext } from "./accounts";

// The privacy page (/privacy, issue 21): what Conduct keeps about the people of the caller's organisation and
// who sees it, generated from the live policy, the permission table and the membership, for any member.

export interface PrivacyNoticeDto {
  organisation: string;
  yourRole: Role;
  retention: RetentionSettingsDto & { bounds: string; securityEventsKept: string[] };
  access: AccessLine[];
  reporting: string[];
  /** Who to ask for a correction or erasure: the organisation's active admins, by name. */
  admins: string[];
  /** The identity provider that signs people in, when the organisation has one. */
  sso: { provider: string; domains: string[] } | null;
}

export async function privacyNotice(ctx: MemberContext): Promise<PrivacyNoticeDto> {
  const [retention, admins, sso, minGroupSize] = await Promise.all([
    retentionSettings(ctx),
    db().membership.findMany({
      where: { organizationId: ctx.orgId, role: "ADMIN", status: "ACTIVE" },
      select: { user: { select: { name: true } } },
      orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
    }),
    db().ssoConnection.findUnique({
      where: { organizationId: ctx.orgId },
      select: { issuer: true, domains: { select: { domain: true }, orderBy: { domain: "asc" } } },
    }),
    minGroupSizeOf(ctx),
  ]);
  return {
    organisation: ctx.orgName,
    yourRole: ctx.role,
    retention: { ...retention, bounds: retentionBounds(), securityEventsKept: securityEventsKept() },
    access: accessLines(ctx.policy),
    reporting: reportingRules(minGroupSize),
    admins: admins.map((m) => m.user.name),
    // The provider's host only: the issuer's path and the client's settings are the admins' business.
    sso: sso && { provider: hostOf(sso.issuer), domains: sso.domains.map((d) => d.domain) },
  };
}

const hostOf = (url: string) => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};
