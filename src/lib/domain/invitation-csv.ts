// People invited in bulk: one row per person, `email,name,role,teams` (teams separated by ";").
// Each row becomes an invitation bound to its e-mail; its teams are applied when the person joins.
import { openCsvTable } from "./csv";
import { ROLES, ROLE_LABELS, type Role } from "./roles";
import { hasControl } from "./text";

export const INVITATION_COLUMNS = ["email", "name", "role", "teams"] as const;
export const MAX_INVITATION_ROWS = 500;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface InvitationCsvRow {
  line: number;
  email: string;
  name: string;
  role: Role;
  teamNames: string[];
  teamIds: string[];
  errors: string[];
}

function readRole(raw: string): Role | null {
  if (raw === "") return "MEMBER";
  const r = raw.trim().toUpperCase();
  return ROLES.find((role) => role === r || ROLE_LABELS[role].toUpperCase() === r) ?? null;
}

/**
 * Reads and checks every row against the organisation's teams and the people already in it or
 * invited; never throws for bad content. Team names match case-insensitively.
 */
export function readInvitationCsv(
  text: string,
  known: { teams: { id: string; name: string }[]; takenEmails: ReadonlySet<string> },
): { rows: InvitationCsvRow[]; fileError?: string } {
  const opened = openCsvTable(text, {
    columns: INVITATION_COLUMNS,
    optional: ["name", "role", "teams"],
    maxRows: MAX_INVITATION_ROWS,
  });
  if ("fileError" in opened) return { rows: [], fileError: opened.fileError };
  const teamByName = new Map(known.teams.map((t) => [t.name.toLowerCase(), t]));
  const firstLine = new Map<string, number>();
  const rows = opened.table.records.map(({ line, cells, errors: csvErrors }): InvitationCsvRow => {
    const empty = { line, email: "", name: "", role: "MEMBER" as Role, teamNames: [], teamIds: [] };
    if (!cells) return { ...empty, errors: csvErrors };
    const errors = [...csvErrors];
    const email = (cells.email ?? "").trim().toLowerCase();
    const name = (cells.name ?? "").trim();
    const teamNames = (cells.teams ?? "")
      .split(";")
      .map((t) => t.trim())
      .filter(Boolean);
    if (!EMAIL.test(email) || email.length > 254) errors.push("E-mail is not a valid address.");
    else if (known.takenEmails.has(email)) errors.push("This person is already a member or has an open invitation.");
    else if (firstLine.has(email)) errors.push(`This e-mail is already on line ${firstLine.get(email)}.`);
    else firstLine.set(email, line);
    if (name.length > 80) errors.push("Name can have at most 80 characters.");
    const role = readRole(cells.role ?? "");
    if (!role) errors.push(`Role must be one of ${ROLES.map((r) => ROLE_LABELS[r]).join(", ")}.`);
    const teamIds: string[] = [];
    for (const t of teamNames) {
      const team = teamByName.get(t.toLowerCase());
      if (team) teamIds.push(team.id);
      else errors.push(`There is no team called “${t}”.`);
    }
    if ([email, name, ...teamNames].some(hasControl))
      errors.push("Remove control characters (such as NUL or text-direction marks).");
    return { line, email, name, role: role ?? "MEMBER", teamNames, teamIds: [...new Set(teamIds)], errors };
  });
  return { rows };
}
