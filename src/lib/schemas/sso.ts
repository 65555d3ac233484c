// Single sign-on's inputs and DTOs (issue 20, docs/decisions/034), shared by the settings form,
// the sign-in page and the server.
import { z } from "./zod";
import { text } from "./text";
import { Email } from "./auth";
import { CONTROL } from "@/lib/domain/text";
import { isDomain, issuerProblem, MAX_SSO_DOMAINS, splitDomains } from "@/lib/domain/sso";

export const MAX_ISSUER_LENGTH = 500;

/** The issuer as typed (trimmed): it must equal the ID token's `iss` exactly, so nothing else changes it. */
const Issuer = z
  .string({ error: "Enter the provider's issuer URL." })
  .trim()
  .min(1, "Enter the provider's issuer URL.")
  .max(MAX_ISSUER_LENGTH, `The issuer URL can have at most ${MAX_ISSUER_LENGTH} characters.`)
  .refine((s) => !CONTROL.test(s) && !/\s/.test(s), "Remove spaces and control characters from the URL.")
  .superRefine((s, ctx) => {
    const problem = issuerProblem(s);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const Domains = z
  .string({ error: "Enter the e-mail domains this provider covers." })
  .max(4000, "That is too long for a list of domains.")
  .transform(splitDomains)
  .superRefine((list, ctx) => {
    if (list.length === 0)
      ctx.addIssue({ code: "custom", message: "Enter at least one e-mail domain, e.g. acme.com." });
    if (list.length > MAX_SSO_DOMAINS)
      ctx.addIssue({ code: "custom", message: `Enter at most ${MAX_SSO_DOMAINS} domains.` });
    const bad = list.filter((d) => !isDomain(d));
    if (bad.length)
      ctx.addIssue({
        code: "custom",
        message: `Not an e-mail domain: ${bad.slice(0, 3).join(", ").slice(0, 120)}. Enter names like acme.com.`,
      });
  });

const checkbox = z.preprocess((v) => v === true || v === "on" || v === "true", z.boolean());

export const SsoConnectionInput = z.object({
  issuer: Issuer,
  clientId: text("Client id", 1, 255).refine((s) => !/\s/.test(s), "A client id has no spaces."),
  // Blank when one is already saved: keep it. Never shown again once saved.
  clientSecret: z
    .string({ error: "Enter the client secret." })
    .max(1000, "The client secret can have at most 1000 characters.")
    .refine((s) => !CONTROL.test(s), "Remove control characters."),
  domains: Domains,
  allowPassword: checkbox,
});
export type SsoConnectionInput = z.infer<typeof SsoConnectionInput>;

/** The sign-in page's single sign-on form: only the e-mail (the domain picks the provider; `next` goes through safeNextPath). */
export const SsoStartInput = z.object({ email: Email });
export type SsoStartInput = z.infer<typeof SsoStartInput>;

export const SsoEmptyInput = z.object({});

/** The confirmation page's button (POST /api/sso/confirm): the mailed link's token. */
export const SsoConfirmInput = z.object({ token: z.string().min(10).max(100) });

export interface SsoConnectionDto {
  issuer: string;
  clientId: string;
  /** Only whether one is saved: the secret itself never leaves the server. */
  hasSecret: boolean;
  domains: string[];
  allowPassword: boolean;
  updatedAt: string;
}

export interface SsoSettingsDto {
  connection: SsoConnectionDto | null;
  /** What the admin registers at the provider as the redirect (callback) URI. */
  redirectUri: string;
}

export interface SsoTestResultDto {
  issuer: string;
  authorizationEndpoint: string;
}
