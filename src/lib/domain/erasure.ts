// Erasure of a person from an organisation (issue 21, docs/decisions/037): the stand-in that takes
// their place, and the forms their name and address take in stored text. Pure: no server.

/** The stand-in user of an erased membership: recognisably nobody, never an address that receives mail. */
export function erasedStandIn(tag: string): { name: string; email: string } {
  return { name: `Former member ${tag}`, email: `erased-${tag}@erased.invalid` };
}

const REGEX_SPECIAL = /[.*+?^${}()|[\]\\]/g;

/** A literal for a PostgreSQL regular expression (ARE), whole words only (\m … \M). */
export function wholeWordPattern(literal: string): string {
  return `\\m${literal.replace(REGEX_SPECIAL, "\\$&")}\\M`;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

/**
 * How a person's name and address appear in stored text: the address as it is; the name as a whole
 * word (so "Al" does not change "Also"), as written, inside JSON (quotes and backslashes escaped)
 * and inside HTML (entities).
 */
export function textNeedles(person: { name: string; email: string }) {
  return {
    email: person.email,
    name: wholeWordPattern(person.name),
    jsonName: wholeWordPattern(JSON.stringify(person.name).slice(1, -1)),
    htmlName: wholeWordPattern(escapeHtml(person.name)),
  };
}
