import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { serverEnv } from "../env";

// One SMTP transport per configured URL (docs/decisions/019). No pool: a message is one short
// connection, so a mail job never holds a socket between attempts.
let cached: { url: string; transport: Transporter } | undefined;

/** Whether this server can send e-mail at all (SMTP_URL); without it every message stays in the outbox. */
export function smtpConfigured(): boolean {
  return serverEnv().smtpUrl !== undefined;
}

export function mailTransport(): Transporter | null {
  const url = serverEnv().smtpUrl;
  if (!url) return null;
  if (cached?.url !== url) {
    cached = {
      url,
      transport: nodemailer.createTransport(url, {
        from: serverEnv().mailFrom,
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 30_000,
      }),
    };
  }
  return cached.transport;
}

/** The address part of MAIL_FROM, for the Message-ID's domain. */
export function mailFromDomain(): string {
  const from = serverEnv().mailFrom;
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split("@")[1]?.trim() || "localhost";
}
