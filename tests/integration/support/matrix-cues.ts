// Matrix rows for behaviour cues (src/lib/actions/cues.ts) and the read of the behaviour page's Cues section.
import { db } from "@/lib/server/db";
import { CueInput, DeleteCueInput, SendCueTestInput, UpdateCueInput } from "@/lib/schemas/cues";
import { sendCueTest } from "@/lib/server/notify/cue-test";
import { sendMyDigestNow } from "@/lib/server/notify/digest-preview";
import { createCue, cueSection, deleteCue, updateCue } from "@/lib/server/data/cues";
import { type Row, at, row, ALL, EDITORS, A } from "./matrix-core";
import { uid, type Side } from "./matrix-scenario";

async function webhookOf(s: Side): Promise<string> {
  const hook = await db().webhook.create({
    data: {
      organizationId: s.org.id,
      name: `Channel ${uid()}`,
      url: "https://hooks.example.com/matrix",
      format: "SLACK",
      secret: "whsec_bWF0cml4",
      events: ["cue"],
    },
    select: { id: true },
  });
  return hook.id;
}

async function cueOf(s: Side): Promise<{ id: string; version: number }> {
  return db().behaviourCue.create({
    data: {
      organizationId: s.org.id,
      behaviourId: s.behaviour.id,
      message: "Ask the customer to confirm the fix",
      weekdays: [1],
      localTime: "09:00",
      email: true,
    },
    select: { id: true, version: true },
  });
}

const form = async (s: Side) => ({
  behaviourId: s.behaviour.id,
  message: "Before closing a ticket, ask the customer to confirm the fix",
  weekdays: ["1", "4"],
  localTime: "09:00",
  email: "on",
  webhookId: await webhookOf(s),
  enabled: "on",
});

export const CUE_ROWS: Row<unknown>[] = [
  row({
    action: "createCueAction",
    surface: A("cues"),
    requires: "catalogue.edit",
    data: "cues.createCue",
    kind: "write",
    allowed: EDITORS,
    setup: async (s) => CueInput.parse(await form(s)),
    call: (ctx, input) => createCue(ctx, input),
    ids: [at("behaviourId", "not-found"), at("webhookId", "rule")],
  }),
  row({
    action: "updateCueAction",
    surface: A("cues"),
    requires: "catalogue.edit",
    data: "cues.updateCue",
    kind: "write",
    allowed: EDITORS,
    setup: async (s) => {
      const cue = await cueOf(s);
      return UpdateCueInput.parse({ ...(await form(s)), id: cue.id, version: String(cue.version) });
    },
    call: (ctx, input) => updateCue(ctx, input),
    ids: [at("id", "not-found"), at("behaviourId", "not-found"), at("webhookId", "rule")],
  }),
  row({
    action: "sendMyDigestAction",
    surface: A("digest-preview"),
    requires: null,
    note: "requireMember() only: every member may send their own digest, to themselves",
    data: "digest-preview.sendMyDigestNow",
    kind: "write",
    allowed: ALL,
    // Something for the digest to say: an open action the caller owns.
    setup: async (s, me) => {
      await db().actionItem.create({
        data: {
          organizationId: s.org.id,
          title: `Call back ${uid()}`,
          ownerId: me.membershipId,
          createdById: me.membershipId,
        },
      });
      return {};
    },
    call: (ctx) => sendMyDigestNow(ctx),
  }),
  row({
    action: "sendCueTestAction",
    surface: A("cue-test"),
    requires: "catalogue.edit",
    data: "cue-test.sendCueTest",
    kind: "write",
    allowed: EDITORS,
    setup: async (s) => SendCueTestInput.parse({ id: (await cueOf(s)).id }),
    call: (ctx, { id }) => sendCueTest(ctx, id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: "deleteCueAction",
    surface: A("cues"),
    requires: "catalogue.edit",
    data: "cues.deleteCue",
    kind: "write",
    allowed: EDITORS,
    setup: async (s) => DeleteCueInput.parse({ id: (await cueOf(s)).id }),
    call: (ctx, { id }) => deleteCue(ctx, id),
    ids: [at("id", "not-found")],
  }),
  row({
    action: null,
    surface: "src/app/(app)/catalogue/[id]/page.tsx",
    variant: "cues section",
    requires: "catalogue.edit",
    data: "cues.cueSection",
    kind: "read",
    allowed: EDITORS,
    setup: async (s) => ({ behaviourId: s.behaviour.id }),
    call: (ctx, { behaviourId }) => cueSection(ctx, behaviourId),
  }),
];
