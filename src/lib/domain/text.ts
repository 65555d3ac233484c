// Characters that have no place in text people read: NUL and the other C0/C1 controls (tab, line
// feed and carriage return excepted) and the bidirectional overrides used to disguise text.
export const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** The same characters, every occurrence (for removing them from a search). */
export const CONTROL_ALL = new RegExp(CONTROL.source, "g");

export const hasControl = (s: string) => CONTROL.test(s);

/** "1 person", "2 people", "1200 rows": a count with its noun in the right number (`format` for "1,200"). */
export function counted(n: number, one: string, other: string, format: (n: number) => string = String): string {
  return `${format(n)} ${n === 1 ? one : other}`;
}
