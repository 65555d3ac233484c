// What a webhook sends (issue 17): one event, three wire formats. Pure: the server stores the exact
// body these return in WebhookDelivery.body, so what was sent is what the log shows.
//  - STANDARD: Standard Webhooks (standardwebhooks.com) JSON `{ type, timestamp, data }`; the signature
//    headers are added at send time (src/lib/server/webhooks/deliver.ts).
//  - SLACK: a Slack incoming webhook message: `text` (the notification and fallback) plus `blocks`
//    (a mrkdwn section and a link button).
//  - TEAMS: a Teams Workflows webhook ("Post to a channel when a webhook request is received"): a
//    `message` with one Adaptive Card attachment. Workflows accept Adaptive Cards only; the older
//    MessageCard belonged to the Office 365 connectors Microsoft retired (docs/decisions/020).

export type WebhookEvent =
  | { type: "cue"; behaviourId: string; behaviourTitle: string; message: string; logUrl: string }
  | { type: "reminder"; title: string; body: string; url: string }
  | { type: "digest"; organisationName: string; period: string; lines: string[]; url: string }
  | {
      type: "recognition.given";
      recipientName: string;
      giverName: string;
      behaviourTitle: string;
      message: string;
      url: string;
    }
  | { type: "test" };

export type WebhookEventType = WebhookEvent["type"];
export type WebhookFormat = "STANDARD" | "SLACK" | "TEAMS";

/** The events a webhook subscribes to ("test" is sent only on request, to the one webhook). */
export const SUBSCRIBABLE_EVENTS = ["recognition.given", "cue", "reminder", "digest"] as const;
export type SubscribableEvent = (typeof SUBSCRIBABLE_EVENTS)[number];

export const EVENT_LABELS: Record<WebhookEventType, string> = {
  "recognition.given": "Recognitions",
  cue: "Behaviour cues",
  reminder: "Reminders",
  digest: "Weekly digests",
  test: "Test event",
};

export const FORMATS = ["STANDARD", "SLACK", "TEAMS"] as const;
export const FORMAT_LABELS: Record<WebhookFormat, string> = {
  STANDARD: "Standard Webhooks (signed JSON)",
  SLACK: "Slack incoming webhook",
  TEAMS: "Microsoft Teams workflow",
};

/** A message in words: the same headline, lines and link for every chat format. */
export interface Message {
  headline: string;
  lines: string[];
  link: { label: string; url: string } | null;
}

export function messageOf(event: WebhookEvent): Message {
  switch (event.type) {
    case "cue":
      return {
        headline: `Cue: ${event.behaviourTitle}`,
        lines: [event.message],
        link: { label: "Log it", url: event.logUrl },
      };
    case "reminder":
      return { headline: event.title, lines: [event.body], link: { label: "Open", url: event.url } };
    case "digest":
      return {
        headline: `${event.organisationName}: digest for ${event.period}`,
        lines: event.lines,
        link: { label: "Open Conduct", url: event.url },
      };
    case "recognition.given":
      return {
        headline: `${event.giverName} recognised ${event.recipientName} for “${event.behaviourTitle}”`,
        lines: [event.message],
        link: { label: "See recognitions", url: event.url },
      };
    case "test":
      return {
        headline: "Test event from Conduct",
        lines: ["This webhook is set up: events you subscribed to will arrive here."],
        link: null,
      };
  }
}

/** Standard Webhooks payload: `data` is the event without its type. */
export function standardBody(event: WebhookEvent, at: Date): string {
  const { type, ...data } = event;
  return JSON.stringify({ type, timestamp: at.toISOString(), data });
}

// Slack mrkdwn: &, < and > are control characters and must be escaped (Slack's "Formatting text").
export const slackEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Slack's limits: a section's text at most 3000 characters, a button's label at most 75. */
const clip = (s: string, max: number) => (s.length <= max ? s : `${s.slice(0, max - 1)}…`);

export function slackBody(event: WebhookEvent): string {
  const m = messageOf(event);
  const text = slackEscape(m.headline);
  const details = clip([`*${text}*`, ...m.lines.map(slackEscape)].join("\n"), 3000);
  const blocks: unknown[] = [{ type: "section", text: { type: "mrkdwn", text: details } }];
  if (m.link)
    blocks.push({
      type: "actions",
      elements: [{ type: "button", text: { type: "plain_text", text: clip(m.link.label, 75) }, url: m.link.url }],
    });
  return JSON.stringify({ text, blocks });
}

/** Adaptive Card 1.4: the version Teams renders on desktop, web and mobile alike. */
export function teamsBody(event: WebhookEvent): string {
  const m = messageOf(event);
  const card: Record<string, unknown> = {
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    type: "AdaptiveCard",
    version: "1.4",
    body: [
      { type: "TextBlock", text: m.headline, weight: "Bolder", size: "Medium", wrap: true },
      ...m.lines.map((line) => ({ type: "TextBlock", text: line, wrap: true })),
    ],
  };
  if (m.link) card.actions = [{ type: "Action.OpenUrl", title: m.link.label, url: m.link.url }];
  return JSON.stringify({
    type: "message",
    attachments: [{ contentType: "application/vnd.microsoft.card.adaptive", contentUrl: null, content: card }],
  });
}

export function webhookBody(format: WebhookFormat, event: WebhookEvent, at: Date): string {
  if (format === "SLACK") return slackBody(event);
  if (format === "TEAMS") return teamsBody(event);
  return standardBody(event, at);
}
