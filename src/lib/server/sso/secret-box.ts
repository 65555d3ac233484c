import "server-only";
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { authSecret } from "../auth-secret";
import { serverEnv } from "../env";

// Secrets the app must use again later (an identity provider's client secret) are sealed with
// AES-256-GCM before they are stored: a copy of the database, a backup of it or a log of its rows
// does not give them away, and a changed ciphertext fails to open instead of decrypting to garbage.
// The key is CONDUCT_SECRET_KEY, or else one derived with HKDF from the auth secret (generated and
// kept under the data directory for the embedded single process, AUTH_SECRET on PostgreSQL), so a
// new installation needs no extra setting. Each purpose gets its own derived key.

const VERSION = "v1";

function masterKey(): Buffer {
  return serverEnv().secretKey ?? Buffer.from(authSecret(), "utf8");
}

const keys = new Map<string, Buffer>();
function keyFor(purpose: string): Buffer {
  let key = keys.get(purpose);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", masterKey(), Buffer.alloc(0), `conduct:${purpose}`, 32));
    keys.set(purpose, key);
  }
  return key;
}

/** `v1.<iv>.<tag>.<ciphertext>` (base64url). `purpose` is also authenticated: a value sealed for one use opens for no other. */
export function seal(plain: string, purpose: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose), iv);
  cipher.setAAD(Buffer.from(purpose));
  const ct = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ct]
    .map((p) => (typeof p === "string" ? p : p.toString("base64url")))
    .join(".");
}

/** The sealed value, or null when it was changed, sealed under another key or for another purpose. */
export function open(sealed: string, purpose: string): string | null {
  const [version, iv, tag, ct] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ct === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose), Buffer.from(iv, "base64url"), {
      authTagLength: 16,
    });
    decipher.setAAD(Buffer.from(purpose));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
