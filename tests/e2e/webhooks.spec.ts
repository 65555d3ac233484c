import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { Webhook as Verifier } from "standardwebhooks";
import { signUpOrganisation } from "./support/new-org";

// Issue 17, webhooks: a new organisation's admin adds a webhook pointing at a receiver on this
// machine. The server runs in production mode, so loopback is refused (the message sits beside
// the address field) until the admin allows private addresses; then the webhook saves, its secret
// is shown once, a test event arrives signed (checked with the standardwebhooks verifier) and the
// delivery log says DELIVERED.

interface Hit {
  headers: http.IncomingHttpHeaders;
  body: string;
}

test("an admin adds a webhook, sends a test event, and sees it delivered; a refused address says why", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const hits: Hit[] = [];
  const receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      hits.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/conduct`;

  try {
    await signUpOrganisation(page, "Webhooks From Nothing");
    await page.goto("/settings");
    await page.getByRole("link", { name: "Webhooks" }).click();
    await expect(page.getByRole("heading", { name: "Webhooks", level: 1 })).toBeVisible();
    await expect(page.getByText("sends nothing out yet")).toBeVisible();

    // Loopback is refused by default; nothing is saved and what was typed stays.
    const form = page.getByRole("form", { name: "Add a webhook" });
    await form.getByLabel("Name").fill("Our receiver");
    await form.getByLabel("Receiver address").fill(url);
    await form.getByRole("button", { name: "Add webhook" }).click();
    const address = form.getByLabel("Receiver address");
    await expect(address).toHaveAttribute("aria-invalid", "true");
    await expect(address).toHaveAccessibleDescription(
      /That address points to a loopback address \(this server itself\)/,
    );
    await expect(address).toHaveValue(url);
    await expect(page.getByText("sends nothing out yet")).toBeVisible();

    // On-premises: allow private addresses, then the same address saves and the secret is shown once.
    await page.getByLabel(/Allow receivers on private networks/).check();
    await page.getByRole("button", { name: "Save setting" }).click();
    await expect(page.getByText("Setting saved.")).toBeVisible();
    await form.getByRole("button", { name: "Add webhook" }).click();
    const secret = await page.getByLabel("Signing secret").inputValue();
    expect(secret).toMatch(/^whsec_/);

    const list = page.getByRole("region", { name: "Webhooks", exact: true });
    await expect(list.getByRole("link", { name: "Our receiver", exact: true })).toBeVisible();
    await expect(list.getByText("Last delivery: none yet")).toBeVisible();
    await list.getByRole("button", { name: "Send a test event to Our receiver" }).click();
    await expect(list.getByText("Test event delivered (the receiver answered HTTP 204).")).toBeVisible();

    expect(hits).toHaveLength(1);
    const payload = new Verifier(secret).verify(hits[0]!.body, hits[0]!.headers as Record<string, string>);
    expect(payload).toMatchObject({ type: "test", data: {} });

    // The delivery log on the webhook's page.
    await list.getByRole("link", { name: "Our receiver", exact: true }).click();
    const log = page.getByRole("region", { name: "Delivery log" });
    const row = log.getByRole("row").filter({ hasText: "Test event" });
    await expect(row).toContainText("Delivered");
    await expect(row.getByRole("cell").nth(2)).toHaveText("1");
    // The secret is not on the page any more.
    expect(await page.content()).not.toContain(secret);
  } finally {
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  }
});
