// The role × action matrix of issue 7, kept as data: for every operation a server action (or a
// role-restricted page or route) exposes, the data-layer function it calls, a setup that produces
// valid input for a fresh scenario, and the roles allowed. tests/integration/role-matrix.test.ts
// walks it for each role and again across organisations. Server actions need a request, so the
// rows drive the data-layer functions the actions call (src/lib/actions/*.ts), with inputs parsed
// by the same zod schemas the actions use.
// The rows live in matrix-actions.ts, matrix-teams.ts, matrix-accounts.ts, matrix-reads.ts and the other matrix-*.ts; the scenario in matrix-scenario.ts.
import type { Row } from "./matrix-core";
import { ACTION_ROWS } from "./matrix-actions";
import { OPEN_READS as READS_ANYONE_MAKES, READ_ROWS } from "./matrix-reads";
import { TEAM_ACTION_ROWS, TEAM_OPEN_READS } from "./matrix-teams";
import { ACCOUNT_ACTION_ROWS } from "./matrix-accounts";
import { RITUAL_OPEN_READS, RITUAL_ROWS } from "./matrix-rituals";
import { RECOGNITION_ACTION_ROWS, RECOGNITION_OPEN_READS } from "./matrix-recognition";
import { JOB_ACTION_ROWS } from "./matrix-jobs";
import { FEEDBACK_ACTION_ROWS, FEEDBACK_OPEN_READS } from "./matrix-feedback";
import { ACTION_ITEM_OPEN_READS, ACTION_ITEM_ROWS } from "./matrix-action-items";
import { WEBHOOK_ACTION_ROWS } from "./matrix-webhooks";
import { MAIL_ACTION_ROWS, MAIL_OPEN_READS } from "./matrix-mail";
import { CUE_ROWS } from "./matrix-cues";
import { SPOT_CHECK_OPEN_READS, SPOT_CHECK_ROWS } from "./matrix-spot-checks";
import { VIDEO_TEST_ROWS } from "./matrix-video-test";
import { CITATION_OPEN_READS, CITATION_ROWS } from "./matrix-citations";
import { PAGE_OPEN_READS } from "./matrix-page-reads";
import { API_OPEN_READS, API_TOKEN_ROWS } from "./matrix-api";
import { PRIVACY_OPEN_READS, PRIVACY_ROWS } from "./matrix-privacy";
import { SSO_ROWS } from "./matrix-sso";
import { SCIM_ROWS } from "./matrix-scim";

export * from "./matrix-core";
export { buildScenario, buildSide, randomId } from "./matrix-scenario";
export { rowFingerprint } from "./snapshot";

export const MATRIX: readonly Row<unknown>[] = [
  ...ACTION_ROWS,
  ...TEAM_ACTION_ROWS,
  ...ACCOUNT_ACTION_ROWS,
  ...RITUAL_ROWS,
  ...FEEDBACK_ACTION_ROWS,
  ...ACTION_ITEM_ROWS,
  ...READ_ROWS,
  ...RECOGNITION_ACTION_ROWS,
  ...WEBHOOK_ACTION_ROWS,
  ...MAIL_ACTION_ROWS,
  ...CUE_ROWS,
  ...VIDEO_TEST_ROWS,
  ...CITATION_ROWS,
  ...JOB_ACTION_ROWS,
  ...SPOT_CHECK_ROWS,
  ...API_TOKEN_ROWS,
  ...PRIVACY_ROWS,
  ...SSO_ROWS,
  ...SCIM_ROWS,
];
/** Reads every member may make: walked across organisations only. */
export const OPEN_READS: readonly Row<unknown>[] = [
  ...READS_ANYONE_MAKES,
  ...TEAM_OPEN_READS,
  ...RITUAL_OPEN_READS,
  ...RECOGNITION_OPEN_READS,
  ...FEEDBACK_OPEN_READS,
  ...ACTION_ITEM_OPEN_READS,
  ...MAIL_OPEN_READS,
  ...SPOT_CHECK_OPEN_READS,
  ...CITATION_OPEN_READS,
  ...PAGE_OPEN_READS,
  ...API_OPEN_READS,
  ...PRIVACY_OPEN_READS,
];
