import { describe, expect, it } from "vitest";
import { checkWebhookUrl, refusal } from "@/lib/domain/webhook-urls";

const PUBLIC = { requireHttps: true, allowPrivate: false };
const ON_PREM = { requireHttps: true, allowPrivate: true };
const DEV = { requireHttps: false, allowPrivate: false };

const refused = (raw: string, policy = PUBLIC) => {
  const r = checkWebhookUrl(raw, policy);
  return r.ok ? null : r.message;
};

describe("webhook URL shape", () => {
  it("accepts a public https URL", () => {
    expect(refused("https://hooks.slack.com/services/T0/B0/xyz")).toBeNull();
    expect(refused("https://8.8.8.8/hook")).toBeNull();
    expect(refused("https://[2001:4860:4860::8888]/hook")).toBeNull();
  });

  it("refuses what is not an http(s) URL, and credentials in it", () => {
    expect(refused("hooks.slack.com/x")).toBe("Enter a full address starting with https://.");
    expect(refused("ftp://example.com/x")).toBe("Use an https:// address.");
    expect(refused("file:///etc/passwd")).toBe("Use an https:// address.");
    expect(refused("https://user:pw@example.com/")).toBe("Leave the user name and password out of the address.");
  });

  it("requires https in production; http only to loopback, and only with private addresses allowed", () => {
    expect(refused("http://example.com/hook")).toBe(
      "Use an https:// address: this server sends webhooks over TLS only.",
    );
    expect(refused("http://example.com/hook", DEV)).toBeNull();
    expect(refused("http://127.0.0.1:9000/hook", ON_PREM)).toBeNull();
    expect(refused("http://localhost:9000/hook", ON_PREM)).toBeNull();
    expect(refused("http://10.0.0.5/hook", ON_PREM)).toBe(
      "Use an https:// address: this server sends webhooks over TLS only.",
    );
  });

  it.each([
    ["http://127.0.0.1/", "a loopback address (this server itself)"],
    ["https://127.1.2.3/", "a loopback address (this server itself)"],
    ["https://[::1]/", "a loopback address (this server itself)"],
    ["https://[::ffff:127.0.0.1]/", "a loopback address (this server itself)"],
    ["https://2130706433/", "a loopback address (this server itself)"], // 127.0.0.1 as one number
    ["https://0x7f.1/", "a loopback address (this server itself)"], // hex and short forms, normalised by URL
    ["https://169.254.169.254/latest/meta-data", "a link-local address"],
    ["https://[fe80::1]/", "a link-local address"],
    ["https://10.1.2.3/", "a private network address"],
    ["https://172.16.0.1/", "a private network address"],
    ["https://172.31.255.255/", "a private network address"],
    ["https://192.168.1.1/", "a private network address"],
    ["https://[fc00::1]/", "a private network address"],
    ["https://[fd12:3456::1]/", "a private network address"],
    ["https://100.64.0.1/", "a carrier-grade NAT address"],
    ["https://0.0.0.0/", "an unspecified address"],
    ["https://[::]/", "an unspecified address"],
    ["https://224.0.0.1/", "a multicast address"],
    ["https://[ff02::1]/", "a multicast address"],
    ["https://192.0.2.1/", "a reserved address"],
  ])("refuses %s (%s)", (raw, what) => {
    expect(refused(raw)).toBe(
      `That address points to ${what}. Webhooks go to public addresses only, unless an admin allows private addresses below.`,
    );
  });

  it("172.15.x and 172.32.x are outside 172.16/12: public", () => {
    expect(refused("https://172.15.0.1/")).toBeNull();
    expect(refused("https://172.32.0.1/")).toBeNull();
  });

  it("with private addresses allowed, still never unspecified, broadcast or multicast", () => {
    expect(refused("https://10.1.2.3/", ON_PREM)).toBeNull();
    expect(refused("https://169.254.1.1/", ON_PREM)).toBeNull();
    expect(refused("https://0.0.0.0/", ON_PREM)).toBe(
      "That address points to an unspecified address, which never receives webhooks.",
    );
    expect(refused("https://255.255.255.255/", ON_PREM)).toBe(
      "That address points to a broadcast address, which never receives webhooks.",
    );
  });
});

describe("resolved addresses", () => {
  it("every address of a host must pass: one private among public ones refuses it", () => {
    expect(refusal(["93.184.215.14"], false)).toBeNull();
    expect(refusal(["93.184.215.14", "10.0.0.1"], false)).toMatch(/private network address/);
    expect(refusal(["::ffff:10.0.0.1"], false)).toMatch(/private network address/);
    expect(refusal([], false)).toBe("That host name does not resolve to any address.");
  });
});
