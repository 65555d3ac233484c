// E-mail contents (docs/decisions/019). Pure: every message is rendered twice, as plain text and as
// HTML, from the same parts, and everything that goes into the HTML is escaped here once.

/** Kinds of the mail Conduct writes itself; others (digest, cue, reminders) name theirs. */
export const MAIL_KINDS = {
  invitation: "invitation",
  added: "member.added",
  passwordReset: "password-reset",
  ssoLink: "sso.link",
} as const;

/** How many times a message is offered to the SMTP server before it is marked FAILED. */
export const MAIL_MAX_ATTEMPTS = 5;

/** A message being handed to the SMTP server is held this long before another worker may try it again. */
export const MAIL_SEND_LEASE_MS = 5 * 60_000;

export interface MailParts {
  text: string;
  html: string;
}

export interface MailContent {
  greeting?: string;
  paragraphs: string[];
  /** The one thing to do, as a button in HTML and a bare link in text. */
  action?: { label: string; url: string };
  /** Small print after the action (why the person got it, how long a link works). */
  notes?: string[];
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Only absolute http(s) links go into a message: anything else (javascript:, data:) is refused. */
export function safeUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:")
    throw new Error(`Refusing a ${parsed.protocol} link`);
  return parsed.toString();
}

const FONT = "font-family:-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

function htmlDocument(body: string): string {
  return (
    `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">` +
    `</head><body style="margin:0;padding:24px;background:#f6f6f4;color:#1c1c1a;${FONT}">` +
    `<div style="max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px">` +
    body +
    `</div></body></html>`
  );
}

/** The text and HTML parts of one message. */
export function renderMail(content: MailContent): MailParts {
  const text: string[] = [];
  const html: string[] = [];
  if (content.greeting) {
    text.push(content.greeting, "");
    html.push(`<p style="margin:0 0 16px">${escapeHtml(content.greeting)}</p>`);
  }
  for (const p of content.paragraphs) {
    text.push(p, "");
    html.push(`<p style="margin:0 0 16px;line-height:1.5">${escapeHtml(p)}</p>`);
  }
  if (content.action) {
    const url = safeUrl(content.action.url);
    text.push(`${content.action.label}: ${url}`, "");
    html.push(
      `<p style="margin:24px 0"><a href="${escapeHtml(url)}" style="background:#1f4f46;color:#ffffff;` +
        `padding:10px 16px;border-radius:6px;text-decoration:none;display:inline-block">` +
        `${escapeHtml(content.action.label)}</a></p>` +
        `<p style="margin:0 0 16px;font-size:13px;color:#5c5c58">Or open this link: ` +
        `<a href="${escapeHtml(url)}" style="color:#1f4f46">${escapeHtml(url)}</a></p>`,
    );
  }
  for (const n of content.notes ?? []) {
    text.push(n, "");
    html.push(`<p style="margin:0 0 8px;font-size:13px;color:#5c5c58">${escapeHtml(n)}</p>`);
  }
  text.push("— Conduct");
  return { text: text.join("\n") + "\n", html: htmlDocument(html.join("")) };
}

/**
 * Adds the visible unsubscribe link of non-essential mail to both parts (RFC 8058 asks for the
 * header as well; the outbox adds that). In HTML it goes inside the card, before the closing tags
 * renderMail writes, or at the end of any other document.
 */
export function withUnsubscribe(parts: MailParts, url: string, what: string): MailParts {
  const link = safeUrl(url);
  const sentence = `You receive ${what} because of your notification settings in Conduct.`;
  const text = `${parts.text.replace(/\n+$/, "")}\n\n${sentence}\nUnsubscribe: ${link}\n`;
  const footer =
    `<p style="margin:24px 0 0;font-size:12px;color:#5c5c58">${escapeHtml(sentence)} ` +
    `<a href="${escapeHtml(link)}" style="color:#1f4f46">Unsubscribe</a></p>`;
  const at = parts.html.lastIndexOf("</div></body>");
  const html = at >= 0 ? parts.html.slice(0, at) + footer + parts.html.slice(at) : parts.html + footer;
  return { text, html };
}

/** The List-Unsubscribe headers of RFC 2369 and RFC 8058 (one-click). */
export function unsubscribeHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${safeUrl(url)}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}

export interface Mail extends MailParts {
  subject: string;
}

export function invitationMail(input: {
  organisationName: string;
  inviterName: string;
  roleLabel: string;
  url: string;
  expiresAt: string;
}): Mail {
  return {
    subject: `${input.inviterName} invited you to ${input.organisationName} on Conduct`,
    ...renderMail({
      greeting: "Hello,",
      paragraphs: [
        `${input.inviterName} invited you to join ${input.organisationName} on Conduct as ${article(input.roleLabel)} ${input.roleLabel.toLowerCase()}.`,
        "Conduct helps teams turn their values into behaviours they can see, log and improve.",
      ],
      action: { label: "Accept the invitation", url: input.url },
      notes: [
        `The link works once, until ${input.expiresAt}.`,
        "If you did not expect this invitation, you can ignore this message.",
      ],
    }),
  };
}

export function addedMail(input: { name: string; organisationName: string; roleLabel: string; url: string }): Mail {
  return {
    subject: `You were added to ${input.organisationName}`,
    ...renderMail({
      greeting: `Hello ${input.name},`,
      paragraphs: [
        `You are now ${article(input.roleLabel)} ${input.roleLabel.toLowerCase()} of ${input.organisationName} on Conduct.`,
      ],
      action: { label: `Open ${input.organisationName}`, url: input.url },
      notes: ["If this was not you, tell an admin of the organisation."],
    }),
  };
}

export function passwordResetMail(input: { name: string; url: string; minutes: number; byAdmin: string | null }): Mail {
  return {
    subject: "Reset your Conduct password",
    ...renderMail({
      greeting: `Hello ${input.name},`,
      paragraphs: [
        input.byAdmin
          ? `${input.byAdmin} made you a link to set a new password for Conduct.`
          : "Someone (we hope you) asked to reset the password of your Conduct account.",
      ],
      action: { label: "Set a new password", url: input.url },
      notes: [
        `The link works once, for ${input.minutes} minutes. Setting a new password signs you out everywhere.`,
        "If you did not ask for this, ignore this message: your password stays as it is.",
      ],
    }),
  };
}

/**
 * "Confirm it is you": an account that existed before its organisation's single sign-on is linked to
 * the provider's identity only through this link (docs/decisions/034), so a provider cannot take
 * over an account on its word alone.
 */
export function ssoLinkMail(input: { name: string; organisationName: string; url: string; minutes: number }): Mail {
  return {
    subject: "Confirm single sign-on for your Conduct account",
    ...renderMail({
      greeting: `Hello ${input.name},`,
      paragraphs: [
        `You signed in to ${input.organisationName} through its identity provider for the first time. Your Conduct account existed already, so Conduct asks you to confirm that it is yours before the provider can sign you in to it.`,
      ],
      action: { label: "Confirm and sign in", url: input.url },
      notes: [
        `The link works once, for ${input.minutes} minutes.`,
        "If you did not just sign in, ignore this message: nothing changes, and your account stays as it is.",
      ],
    }),
  };
}

const article = (word: string) => (/^[aeiou]/i.test(word) ? "an" : "a");

/** Whether an SMTP failure is worth trying again: 4xx replies and network errors are; 5xx replies are not. */
export function transientMailError(err: { responseCode?: number; code?: string }): boolean {
  if (typeof err.responseCode === "number") return err.responseCode < 500;
  return err.code !== "EENVELOPE";
}

/** A moment as people read it in a message, in the organisation's zone (never the server's). */
export function mailTime(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(at);
}
