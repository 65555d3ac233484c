import { describe, expect, it } from "vitest";
import {
  escapeHtml,
  invitationMail,
  mailTime,
  passwordResetMail,
  renderMail,
  safeUrl,
  transientMailError,
  unsubscribeHeaders,
  withUnsubscribe,
} from "@/lib/domain/mail";
import { BUILT_IN_CHANNELS, channelFor, NOTIFICATION_KINDS } from "@/lib/domain/mail-notifications";
import { signUnsubscribeToken, verifyUnsubscribeToken } from "@/lib/domain/mail-tokens";

const SECRET = "a-test-secret-that-is-long-enough-for-hmac";

describe("mail templates", () => {
  it("renders the same words as text and as escaped HTML", () => {
    const m = renderMail({
      greeting: "Hello <Ana> & co,",
      paragraphs: [`Say "thanks" <script>alert(1)</script>`],
      action: { label: "Open <it>", url: "https://conduct.example/a?b=1&c=<2>" },
      notes: ["Small print"],
    });
    expect(m.text).toBe(
      'Hello <Ana> & co,\n\nSay "thanks" <script>alert(1)</script>\n\nOpen <it>: https://conduct.example/a?b=1&c=%3C2%3E\n\nSmall print\n\n— Conduct\n',
    );
    expect(m.html).toContain("Hello &lt;Ana&gt; &amp; co,");
    expect(m.html).toContain("Say &quot;thanks&quot; &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(m.html).not.toContain("<script>");
    expect(m.html).toContain('href="https://conduct.example/a?b=1&amp;c=%3C2%3E"');
    expect(m.html).toMatch(/^<!doctype html>/);
  });

  it("refuses a link that is not http(s)", () => {
    expect(() => safeUrl("javascript:alert(1)")).toThrow(/javascript:/);
    expect(() => renderMail({ paragraphs: [], action: { label: "x", url: "data:text/html,hi" } })).toThrow();
    expect(safeUrl("http://localhost:3000/invite/x")).toBe("http://localhost:3000/invite/x");
  });

  it("escapes the five HTML-significant characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });

  it("writes the invitation with its link, role and expiry", () => {
    const m = invitationMail({
      organisationName: "Acme Support",
      inviterName: "Ada Admin",
      roleLabel: "Admin",
      url: "https://c.example/invite/tok",
      expiresAt: "8 December 2026 at 10:00 UTC",
    });
    expect(m.subject).toBe("Ada Admin invited you to Acme Support on Conduct");
    expect(m.text).toContain("join Acme Support on Conduct as an admin.");
    expect(m.text).toContain("Accept the invitation: https://c.example/invite/tok");
    expect(m.text).toContain("until 8 December 2026 at 10:00 UTC");
    expect(m.html).toContain('href="https://c.example/invite/tok"');
  });

  it("says who made a reset link, or that someone asked", () => {
    expect(
      passwordResetMail({ name: "Flo", url: "https://c.example/r/t", minutes: 30, byAdmin: "Ada" }).text,
    ).toContain("Ada made you a link");
    const self = passwordResetMail({ name: "Flo", url: "https://c.example/r/t", minutes: 30, byAdmin: null });
    expect(self.text).toContain("Someone (we hope you) asked");
    expect(self.text).toContain("for 30 minutes");
  });

  it("adds a visible unsubscribe link to both parts, inside the card, and the RFC 8058 headers", () => {
    const parts = withUnsubscribe(
      renderMail({ paragraphs: ["Hi"] }),
      "https://c.example/unsubscribe/t",
      "weekly digests",
    );
    expect(parts.text).toMatch(
      /— Conduct\n\nYou receive weekly digests because of your notification settings in Conduct.\nUnsubscribe: https:\/\/c.example\/unsubscribe\/t\n$/,
    );
    expect(parts.html).toMatch(
      /<a href="https:\/\/c.example\/unsubscribe\/t"[^>]*>Unsubscribe<\/a><\/p><\/div><\/body><\/html>$/,
    );
    // Another engineer's own HTML: the footer goes at the end.
    expect(withUnsubscribe({ text: "x", html: "<p>x</p>" }, "https://c.example/u", "cues").html).toMatch(
      /^<p>x<\/p><p[^>]*>.*Unsubscribe<\/a><\/p>$/,
    );
    expect(unsubscribeHeaders("https://c.example/u/one-click")).toEqual({
      "List-Unsubscribe": "<https://c.example/u/one-click>",
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    });
  });

  it("shows times in the organisation's zone", () => {
    const at = new Date("2026-03-29T00:30:00Z");
    expect(mailTime(at, "Europe/London")).toBe("29 March 2026 at 00:30 GMT");
    expect(mailTime(new Date("2026-03-29T01:30:00Z"), "Europe/London")).toBe("29 March 2026 at 02:30 BST");
    expect(mailTime(at, "Pacific/Auckland")).toBe("29 March 2026 at 13:30 GMT+13");
  });

  it("retries 4xx replies and network errors, not 5xx replies", () => {
    expect(transientMailError({ responseCode: 451 })).toBe(true);
    expect(transientMailError({ responseCode: 550 })).toBe(false);
    expect(transientMailError({ code: "ECONNREFUSED" })).toBe(true);
    expect(transientMailError({ code: "EENVELOPE" })).toBe(false);
  });
});

describe("unsubscribe tokens", () => {
  it("name one membership and one kind, and only verify with the same secret", () => {
    const token = signUnsubscribeToken(SECRET, "clmember123", "DIGEST");
    expect(token).toMatch(/^clmember123\.DIGEST\.[A-Za-z0-9_-]{43}$/);
    expect(verifyUnsubscribeToken(SECRET, token)).toEqual({ membershipId: "clmember123", kind: "DIGEST" });
    expect(verifyUnsubscribeToken(`${SECRET}-other`, token)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, token.replace("DIGEST", "CUE"))).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, token.replace("clmember123", "clmember124"))).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, `${token}x`)).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, "a.b")).toBeNull();
    expect(verifyUnsubscribeToken(SECRET, "x".repeat(500))).toBeNull();
    expect(signUnsubscribeToken(SECRET, "clmember123", "CUE")).not.toBe(token);
    expect(() => signUnsubscribeToken(SECRET, "a.b", "CUE")).toThrow();
  });
});

describe("channelFor", () => {
  it("gives a disabled or pending member nothing, whatever they chose", () => {
    for (const memberStatus of ["DISABLED", "INVITED"] as const)
      expect(channelFor("DIGEST", { personal: "EMAIL", orgDefault: "EMAIL", memberStatus })).toBe("NONE");
  });

  it("takes the person's choice, else the organisation's default, else the built-in default", () => {
    expect(channelFor("DIGEST", { personal: "EMAIL", orgDefault: "NONE", memberStatus: "ACTIVE" })).toBe("EMAIL");
    expect(channelFor("DIGEST", { personal: "NONE", orgDefault: "EMAIL", memberStatus: "ACTIVE" })).toBe("NONE");
    expect(channelFor("DIGEST", { personal: null, orgDefault: "NONE", memberStatus: "ACTIVE" })).toBe("NONE");
    expect(channelFor("CUE", { memberStatus: "ACTIVE" })).toBe(BUILT_IN_CHANNELS.CUE);
  });

  it("starts every kind on e-mail", () => {
    expect(NOTIFICATION_KINDS.map((k) => channelFor(k, { memberStatus: "ACTIVE" }))).toEqual(
      NOTIFICATION_KINDS.map(() => "EMAIL"),
    );
  });
});
