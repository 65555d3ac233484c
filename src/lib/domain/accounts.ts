// Account rules that need no database: password limits (enforced by the zod schemas), e-mail and slug normalisation.

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
/** How long a password reset link works. */
export const RESET_MINUTES = 30;

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** A URL-safe slug from an organisation name; the data layer appends a suffix when taken. */
export function slugify(name: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return base || "org";
}

/** Initials for an avatar: "Ada Lovelace" → "AL". */
export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join("").toUpperCase() || "?";
}
