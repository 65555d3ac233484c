// How large an import file may be, decided once: the schema, the form and Next's request body limit
// (next.config.ts) all read it, so a file the form accepts is never refused by the framework first
// (issue 15, item 14: files between 1 and 2 MB failed on Next's default 1 MB limit).

/** The largest import file, in bytes of UTF-8 with one byte per line break. */
export const MAX_IMPORT_BYTES = 2_000_000;
export const MAX_IMPORT_LABEL = "2 MB";

/**
 * A server action's request body limit. A browser sends a form's text with CRLF line breaks (one
 * byte more per line than the file may have), plus the other fields and multipart framing: a tenth
 * more covers lines of 10 bytes or longer (an observation row has at least 18), and 64 KiB the rest.
 */
export const ACTION_BODY_LIMIT_BYTES = Math.ceil(MAX_IMPORT_BYTES * 1.1) + 64 * 1024;

/** The size the limit applies to: UTF-8 bytes, counting CRLF as one line break. */
export function importBytes(text: string): number {
  return new TextEncoder().encode(text.replace(/\r\n/g, "\n")).length;
}

export function importTooLarge(bytes?: number): string {
  const size = bytes === undefined ? "" : ` (it has ${(bytes / 1_000_000).toFixed(1)} MB)`;
  return `The file is larger than ${MAX_IMPORT_LABEL}${size}. Split it and import the parts one by one.`;
}
