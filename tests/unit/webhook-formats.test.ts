import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import {
  messageOf,
  slackBody,
  slackEscape,
  standardBody,
  teamsBody,
  webhookBody,
  type WebhookEvent,
} from "@/lib/domain/webhook-formats";
import { attemptError, webhookDisabled } from "@/lib/domain/webhooks";

const AT = new Date("2026-12-01T09:00:00.000Z");

const recognition: WebhookEvent = {
  type: "recognition.given",
  recipientName: "Mia <Support>",
  giverName: "Ada",
  behaviourTitle: "Confirm the fix with the customer",
  message: "Called the customer & confirmed the fix.",
  url: "https://conduct.example.com/recognition",
};
const cue: WebhookEvent = {
  type: "cue",
  behaviourId: "b1",
  behaviourTitle: "Confirm the fix with the customer",
  message: "This week: before closing a ticket, ask the customer to confirm the fix.",
  logUrl: "https://conduct.example.com/log?behaviour=b1",
};
const reminder: WebhookEvent = {
  type: "reminder",
  title: "Retrospective tomorrow",
  body: "Support retrospective, Wednesday 15:00.",
  url: "https://conduct.example.com/rituals/r1",
};
const digest: WebhookEvent = {
  type: "digest",
  organisationName: "Acme",
  period: "23–29 November",
  lines: ["Adoption 64% (+5)", "3 recognitions"],
  url: "https://conduct.example.com/dashboards",
};

describe("Standard Webhooks body", () => {
  it("is {type, timestamp, data} with the event's fields in data", () => {
    expect(JSON.parse(standardBody(cue, AT))).toEqual({
      type: "cue",
      timestamp: "2026-12-01T09:00:00.000Z",
      data: {
        behaviourId: "b1",
        behaviourTitle: "Confirm the fix with the customer",
        message: "This week: before closing a ticket, ask the customer to confirm the fix.",
        logUrl: "https://conduct.example.com/log?behaviour=b1",
      },
    });
    expect(JSON.parse(standardBody({ type: "test" }, AT))).toEqual({
      type: "test",
      timestamp: "2026-12-01T09:00:00.000Z",
      data: {},
    });
  });
});

describe("signing (Standard Webhooks v1)", () => {
  // The example of the Standard Webhooks reference libraries' tests: secret, id, timestamp, body → signature.
  const secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  const id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  const body = '{"test": 2432232314}';
  const expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

  it("the library signs the published example vector", () => {
    expect(new Webhook(secret).sign(id, new Date(1614265330 * 1000), body)).toBe(expected);
  });

  it("agrees with an HMAC-SHA256 of id.timestamp.body under the base64 key after whsec_", () => {
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const mac = createHmac("sha256", key).update(`${id}.1614265330.${body}`).digest("base64");
    expect(`v1,${mac}`).toBe(expected);
  });
});

describe("Slack body", () => {
  it("has the headline as text and a mrkdwn section plus a link button", () => {
    const body = JSON.parse(slackBody(recognition));
    expect(body.text).toBe("Ada recognised Mia &lt;Support&gt; for “Confirm the fix with the customer”");
    expect(body.blocks).toEqual([
      {
        type: "section",
        text: {
          type: "mrkdwn",
          text: "*Ada recognised Mia &lt;Support&gt; for “Confirm the fix with the customer”*\nCalled the customer &amp; confirmed the fix.",
        },
      },
      {
        type: "actions",
        elements: [
          {
            type: "button",
            text: { type: "plain_text", text: "See recognitions" },
            url: "https://conduct.example.com/recognition",
          },
        ],
      },
    ]);
  });

  it("escapes Slack's control characters so a name cannot make a link or a mention", () => {
    expect(slackEscape("<!channel> & <https://evil|click>")).toBe("&lt;!channel&gt; &amp; &lt;https://evil|click&gt;");
  });

  it("a test event has no button; a long digest is clipped to Slack's 3000 characters", () => {
    expect(JSON.parse(slackBody({ type: "test" })).blocks).toHaveLength(1);
    const long = JSON.parse(slackBody({ ...(digest as object), lines: ["x".repeat(5000)] } as WebhookEvent));
    expect(long.blocks[0].text.text.length).toBe(3000);
  });
});

describe("Teams body", () => {
  it("is a message with one Adaptive Card attachment, the link as Action.OpenUrl", () => {
    const body = JSON.parse(teamsBody(cue));
    expect(body.type).toBe("message");
    expect(body.attachments).toHaveLength(1);
    const [a] = body.attachments;
    expect(a.contentType).toBe("application/vnd.microsoft.card.adaptive");
    expect(a.content.type).toBe("AdaptiveCard");
    expect(a.content.version).toBe("1.4");
    expect(a.content.body.map((b: { text: string }) => b.text)).toEqual([
      "Cue: Confirm the fix with the customer",
      "This week: before closing a ticket, ask the customer to confirm the fix.",
    ]);
    expect(a.content.actions).toEqual([
      { type: "Action.OpenUrl", title: "Log it", url: "https://conduct.example.com/log?behaviour=b1" },
    ]);
  });

  it("renders every digest line and reminder text", () => {
    const d = JSON.parse(teamsBody(digest)).attachments[0].content;
    expect(d.body.map((b: { text: string }) => b.text)).toEqual([
      "Acme: digest for 23–29 November",
      "Adoption 64% (+5)",
      "3 recognitions",
    ]);
    const r = JSON.parse(teamsBody(reminder)).attachments[0].content;
    expect(r.actions[0].url).toBe("https://conduct.example.com/rituals/r1");
  });
});

describe("messages and formats", () => {
  it("every event has a headline; all but test link somewhere", () => {
    for (const e of [recognition, cue, reminder, digest]) expect(messageOf(e).link?.url).toMatch(/^https:\/\//);
    expect(messageOf({ type: "test" }).link).toBeNull();
  });

  it("webhookBody picks the format", () => {
    expect(webhookBody("SLACK", cue, AT)).toBe(slackBody(cue));
    expect(webhookBody("TEAMS", cue, AT)).toBe(teamsBody(cue));
    expect(webhookBody("STANDARD", cue, AT)).toBe(standardBody(cue, AT));
  });

  it("a failed attempt reads as its status and the start of the answer", () => {
    expect(attemptError({ status: 500, body: "  database\n down " })).toBe("HTTP 500: database down");
    expect(attemptError({ status: 302, body: "" })).toBe("HTTP 302 (redirects are not followed)");
    expect(attemptError({ error: "Connection refused." })).toBe("Connection refused.");
  });

  it("tells admins which webhook stopped and links to its log", () => {
    expect(webhookDisabled({ id: "w1", name: "Support channel" }, 10)).toEqual({
      title: "Webhook “Support channel” was switched off",
      body: "10 deliveries in a row failed, so Conduct stopped sending to it. Check the receiver and its delivery log, then enable it again.",
      href: "/settings/webhooks/w1",
    });
  });
});
