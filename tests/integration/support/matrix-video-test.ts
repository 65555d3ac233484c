// Matrix rows for the organisation's own video-test terms (issue 18 §1): admins keep the list.
import { db } from "@/lib/server/db";
import { VideoTestTermInput, VideoTestTermRefInput } from "@/lib/schemas/video-test-terms";
import { addVideoTestTerm, listVideoTestTerms, removeVideoTestTerm } from "@/lib/server/data/video-test-terms";
import { A, ADMINS, at, row, type Row } from "./matrix-core";
import { uid, type Side } from "./matrix-scenario";

async function termOf(s: Side) {
  const t = await db().videoTestTerm.create({
    data: { organizationId: s.org.id, term: `synergy ${uid()}`, createdById: s.people.ADMIN.membershipId },
    select: { id: true },
  });
  return t.id;
}

export const VIDEO_TEST_ROWS: Row<unknown>[] = [
  row({
    action: "addVideoTestTermAction",
    surface: A("video-test-terms"),
    requires: "videoTest.terms",
    data: "video-test-terms.addVideoTestTerm",
    kind: "write",
    allowed: ADMINS,
    setup: async () => VideoTestTermInput.parse({ term: `best-in-breed ${uid()}`, suggestion: "" }),
    call: (ctx, input) => addVideoTestTerm(ctx, input),
  }),
  row({
    action: "removeVideoTestTermAction",
    surface: A("video-test-terms"),
    requires: "videoTest.terms",
    data: "video-test-terms.removeVideoTestTerm",
    kind: "write",
    allowed: ADMINS,
    setup: async (s) => VideoTestTermRefInput.parse({ termId: await termOf(s) }),
    call: (ctx, { termId }) => removeVideoTestTerm(ctx, termId),
    ids: [at("termId", "not-found")],
  }),
  row({
    action: null,
    surface: "page /settings/video-test",
    requires: "videoTest.terms",
    data: "video-test-terms.listVideoTestTerms",
    kind: "read",
    allowed: ADMINS,
    setup: async () => ({}),
    call: (ctx) => listVideoTestTerms(ctx),
  }),
];
