import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook as Verifier } from "standardwebhooks";
import { uniqueEmail } from "./fixtures";
import { activeBehaviour, addValue, createTeam, invite, join, signUpOrganisation } from "./support/new-org";

// Issue 17's "done when": a behaviour cue reaches a test webhook receiver, signed, and its deep link
// opens the Log pad on that behaviour. From sign-up: a new organisation's admin makes a behaviour
// active (a manager reviews it), adds a webhook pointing at a receiver on this machine, gives the
// behaviour a cue through it and sends it now; the member opens the link the receiver got.

const BEHAVIOUR = "Customer confirmation before closing";

test("a behaviour cue reaches a webhook receiver, signed, and its link opens the Log pad on the behaviour", async ({
  page: ada,
  browser,
}) => {
  test.setTimeout(300_000);
  const hits: { headers: http.IncomingHttpHeaders; body: string }[] = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/chat`;
  try {
    await signUpOrganisation(ada, "Cues From Nothing");
    await addValue(ada, "Solve the customer's problem");
    await createTeam(ada, "Front desk");
    const [miaLink, maxLink] = await invite(ada, [
      { email: uniqueEmail("mia"), name: "Mia Manager", role: "Manager", teams: "Front desk" },
      { email: uniqueEmail("max"), name: "Max Member", role: "Member", teams: "Front desk" },
    ]);
    const manager = await join(browser, miaLink!, "mia-long-passphrase");
    const member = await join(browser, maxLink!, "max-long-passphrase", true);
    const behaviourId = await activeBehaviour(ada, manager, {
      title: BEHAVIOUR,
      value: "Solve the customer's problem",
      owner: "Ada Admin",
    });

    // A webhook to the receiver (this is an on-premises receiver: private addresses allowed).
    await ada.goto("/settings/webhooks");
    await ada.getByLabel(/Allow receivers on private networks/).check();
    await ada.getByRole("button", { name: "Save setting" }).click();
    await expect(ada.getByText("Setting saved.")).toBeVisible();
    const form = ada.getByRole("form", { name: "Add a webhook" });
    await form.getByLabel("Name").fill("Front desk channel");
    await form.getByLabel("Receiver address").fill(url);
    await form.getByRole("button", { name: "Add webhook" }).click();
    const secret = await ada.getByLabel("Signing secret").inputValue();

    // The cue, through that webhook only, sent now.
    await ada.goto(`/catalogue/${behaviourId}`);
    const cues = ada.getByRole("region", { name: "Cues" });
    const add = cues.locator("details").filter({ has: ada.locator("summary", { hasText: "Add a cue" }) });
    await add.getByText("Add a cue").click();
    await add.getByLabel("Message").fill("Before closing a ticket, ask the customer to confirm the fix.");
    await add.getByLabel("E-mail the members of the behaviour’s teams").uncheck();
    await add.getByLabel("Webhook (chat channel)").selectOption({ label: "Front desk channel" });
    await add.getByRole("button", { name: "Add cue" }).click();
    const item = cues.getByRole("listitem").filter({ hasText: "ask the customer to confirm the fix" });
    await expect(item).toContainText("Front desk channel");
    await item.getByRole("button", { name: "Send a test now" }).click();
    await expect(item.getByRole("status")).toHaveText("Sent to Front desk channel.");

    // The worker delivers it: signed per Standard Webhooks, naming the behaviour, with the Log pad link.
    await expect.poll(() => hits.length, { timeout: 30_000 }).toBe(1);
    const payload = new Verifier(secret).verify(hits[0]!.body, hits[0]!.headers as Record<string, string>) as {
      type: string;
      data: { behaviourId: string; behaviourTitle: string; logUrl: string };
    };
    expect(payload.type).toBe("cue");
    expect(payload.data).toMatchObject({ behaviourId, behaviourTitle: BEHAVIOUR });
    const link = new URL(payload.data.logUrl);
    expect(`${link.pathname}${link.search}`).toBe(`/log?behaviour=${behaviourId}`);

    // The member opens it on their phone: the pad has the behaviour chosen; one tap logs it.
    await member.goto(`${link.pathname}${link.search}`);
    const pad = member.getByRole("list", { name: "Behaviours" });
    await expect(pad.getByRole("button", { name: new RegExp(BEHAVIOUR), pressed: true })).toBeVisible();
    await member.getByRole("button", { name: "Performed", exact: true }).click();
    await expect(member.getByRole("status").filter({ hasText: "Saved." })).toContainText(`Performed: ${BEHAVIOUR}`);
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
