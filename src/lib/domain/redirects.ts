/** Only same-site paths are followed after sign-in: "//evil.example" and "https://…" are not. */
export function safeNextPath(value: unknown, fallback = "/catalogue"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\"))
    return fallback;
  return value;
}
