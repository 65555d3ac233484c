import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { CueConflictError, createCue, cueSection, deleteCue, updateCue } from "@/lib/server/data/cues";
import { NotFoundError, RuleError } from "@/lib/server/errors";
import { CueInput, UpdateCueInput } from "@/lib/schemas/cues";
import { buildBehaviour, buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";

// Behaviour cues (issue 17): who may set them, that every reference is the organisation's own, versions.

async function scenario() {
  const s = await buildOrgScenario(db());
  const leader = await contextFor(s.leader.user.id, s.org.id);
  const hook = await db().webhook.create({
    data: {
      organizationId: s.org.id,
      name: "Support channel",
      url: "https://hooks.slack.com/services/T/B/x",
      format: "SLACK",
      secret: "whsec_dGVzdA==",
      events: ["cue"],
    },
  });
  return { s, leader, hook };
}

const raw = (over: Record<string, unknown>) => ({
  message: "Before closing a ticket, ask the customer to confirm the fix",
  weekdays: ["4", "1", "1"],
  localTime: "09:00",
  email: "on",
  enabled: "on",
  ...over,
});
const form = (over: Record<string, unknown>) => CueInput.parse(raw(over));

describe("behaviour cues", () => {
  it("lets an editor add, change and delete a cue, listed in words and audited", async () => {
    const { s, leader, hook } = await scenario();
    await db().organization.update({ where: { id: s.org.id }, data: { timeZone: "Europe/London" } });
    const id = await createCue(leader, form({ behaviourId: s.behaviour.id, webhookId: hook.id }));
    let section = await cueSection(leader, s.behaviour.id);
    expect(section.timeZone).toBe("Europe/London");
    expect(section.webhooks).toEqual([{ id: hook.id, name: "Support channel" }]);
    expect(section.cues).toMatchObject([
      { id, weekdays: [1, 4], schedule: "Mondays and Thursdays at 09:00", email: true, webhookName: "Support channel" },
    ]);
    await updateCue(
      leader,
      UpdateCueInput.parse({
        behaviourId: s.behaviour.id,
        id,
        version: "1",
        message: "Friday: confirm the fix",
        weekdays: ["5"],
        localTime: "16:30",
        webhookId: hook.id,
      }),
    );
    section = await cueSection(leader, s.behaviour.id);
    expect(section.cues).toMatchObject([{ schedule: "Fridays at 16:30", email: false, enabled: false, version: 2 }]);
    // A stale version is a conflict, not an overwrite.
    await expect(
      updateCue(leader, UpdateCueInput.parse({ ...raw({ behaviourId: s.behaviour.id }), id, version: "1" })),
    ).rejects.toBeInstanceOf(CueConflictError);
    await deleteCue(leader, id);
    expect((await cueSection(leader, s.behaviour.id)).cues).toEqual([]);
    const audit = await db().auditEvent.findMany({
      where: { organizationId: s.org.id, targetId: id },
      select: { action: true },
      orderBy: [{ at: "asc" }, { id: "asc" }],
    });
    expect(audit.map((a) => a.action)).toEqual(["cue.create", "cue.update", "cue.delete"]);
  });

  it("refuses a cue that goes nowhere, a bad time and no days", () => {
    const r = CueInput.safeParse({ behaviourId: "cb1", message: "Ask first", weekdays: [], localTime: "9am" });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["weekdays", "localTime"]));
    const nowhere = CueInput.safeParse({
      behaviourId: "cb1",
      message: "Ask first",
      weekdays: ["1"],
      localTime: "09:00",
    });
    expect(nowhere.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["email", "Send it by e-mail, to a webhook, or both."],
    ]);
  });

  it("treats another organisation's behaviour, webhook and cue as not there", async () => {
    const a = await scenario();
    const b = await scenario();
    await expect(createCue(a.leader, form({ behaviourId: b.s.behaviour.id }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createCue(a.leader, form({ behaviourId: a.s.behaviour.id, webhookId: b.hook.id })),
    ).rejects.toMatchObject({ field: "webhookId" });
    const theirs = await createCue(b.leader, form({ behaviourId: b.s.behaviour.id }));
    await expect(deleteCue(a.leader, theirs)).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      updateCue(
        a.leader,
        UpdateCueInput.parse({ ...raw({ behaviourId: a.s.behaviour.id }), id: theirs, version: "1" }),
      ),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect((await cueSection(a.leader, b.s.behaviour.id)).cues).toEqual([]);
  });

  it("does not prompt a retired behaviour", async () => {
    const { s, leader } = await scenario();
    const retired = await buildBehaviour(
      db(),
      { organizationId: s.org.id, valueId: s.value.id, ownerId: s.leader.membership.id },
      { title: "Old habit", status: "RETIRED" },
    );
    await expect(createCue(leader, form({ behaviourId: retired.id }))).rejects.toBeInstanceOf(RuleError);
  });
});
