// Matrix rows for privacy and retention (src/lib/actions/privacy.ts, the page /settings/privacy, issue 21).
import { MinGroupSizeInput, RetentionPolicyInput } from "@/lib/schemas/retention";
import { minGroupSizeOf, setMinGroupSize } from "@/lib/server/data/group-size";
import { retentionSettings, setRetentionPolicy } from "@/lib/server/data/retention";
import { myData } from "@/lib/server/data/my-data";
import { privacyNotice } from "@/lib/server/data/privacy-notice";
import { type Row, row, A, ADMINS, ALL } from "./matrix-core";

export const PRIVACY_ROWS: Row<unknown>[] = [
  row({
    action: "setRetentionPolicyAction",
    surface: A("privacy"),
    requires: "members.manage",
    data: "retention.setRetentionPolicy",
    kind: "write",
    allowed: ADMINS,
    setup: async () => RetentionPolicyInput.parse({ observerDays: "30", noteDays: "60", auditDays: "365" }),
    call: (ctx, i) => setRetentionPolicy(ctx, i),
  }),
  row({
    action: "setMinGroupSizeAction",
    surface: A("privacy"),
    requires: "members.manage",
    data: "group-size.setMinGroupSize",
    kind: "write",
    allowed: ADMINS,
    setup: async () => MinGroupSizeInput.parse({ minGroupSize: "4" }),
    call: (ctx, i) => setMinGroupSize(ctx, i.minGroupSize),
  }),
];

/** The policy is the organisation's promise to everyone in it: every member may read it. */
export const PRIVACY_OPEN_READS: Row<unknown>[] = [
  row({
    action: null,
    surface: "page /settings/privacy",
    requires: null,
    data: "retention.retentionSettings",
    kind: "read",
    allowed: ALL,
    setup: async () => ({}),
    call: (ctx) => retentionSettings(ctx),
  }),
  row({
    action: null,
    surface: "page /settings/privacy",
    requires: null,
    data: "group-size.minGroupSizeOf",
    kind: "read",
    allowed: ALL,
    setup: async () => ({}),
    call: (ctx) => minGroupSizeOf(ctx),
  }),
  row({
    action: null,
    surface: "page /privacy",
    requires: null,
    data: "privacy-notice.privacyNotice",
    kind: "read",
    allowed: ALL,
    setup: async () => ({}),
    call: (ctx) => privacyNotice(ctx),
  }),
  row({
    action: null,
    surface: "route /profile/my-data",
    requires: null,
    data: "my-data.myData",
    kind: "read",
    allowed: ALL,
    setup: async () => ({}),
    call: (ctx) => myData(ctx),
  }),
];
