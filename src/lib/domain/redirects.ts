/**
 * Only same-site paths are followed after sign-in: "//evil.example", "/\evil.example" and
 * "https://…" are not. Control characters are refused too, because browsers drop tabs and line
 * breaks from URLs, so "/\t/evil.example" would be followed as "//evil.example".
 * The fallback "/" lets the home page send each role to its own landing page.
 */
export function safeNextPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  return value;
}
