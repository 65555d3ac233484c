// Issue 15, item 14: restoring a version could fail with no message, because the refusal came as a
// field error and the restore button has no fields. Now the refusal is one message for the form.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { failureFrom } from "@/lib/server/action-errors";
import { createBehaviour, restoreVersion, updateBehaviour } from "@/lib/server/data/behaviour-editor";
import { RuleError } from "@/lib/server/errors";
import type { BehaviourInput } from "@/lib/schemas/behaviour";
import { buildOrgScenario } from "../factories";
import { contextFor } from "./support/context";

describe("restoring a version", () => {
  it("says, for the whole form, why an old version cannot be restored (its title is taken now)", async () => {
    const s = await buildOrgScenario(db());
    const leader = await contextFor(s.leader.user.id, s.org.id);
    const input: BehaviourInput = {
      title: `Customer quote opens planning ${s.org.id}`,
      valueId: s.value.id,
      ownerId: s.manager.membership.id,
      actor: "The product manager",
      action: "reads one verbatim customer quote aloud",
      trigger: "At the start of sprint planning",
      frequency: "every sprint",
      completionCriterion: "The quote is in the planning notes",
      customerOutcome: "Plans start from what customers said",
      example: "",
      anchors: [],
    };
    const id = await createBehaviour(leader, input);
    await updateBehaviour(leader, id, 1, { ...input, title: `Renamed ${s.org.id}` });
    await createBehaviour(leader, input); // another behaviour takes the old title

    const err = await restoreVersion(leader, id, 1, 2).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RuleError);
    expect((err as RuleError).field).toBeUndefined();
    // What the restore button shows (a form error, not a field error it has nowhere to put).
    expect(failureFrom(err)).toEqual({
      ok: false,
      formError:
        "Version 1 cannot be restored: Another behaviour in your organisation already has this title. Edit the behaviour instead.",
    });
    const current = await db().behaviour.findUniqueOrThrow({ where: { id }, select: { version: true, title: true } });
    expect(current).toEqual({ version: 2, title: `Renamed ${s.org.id}` });
  });
});
