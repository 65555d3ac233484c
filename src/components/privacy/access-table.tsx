import { ROLE_LABELS, ROLES, type Role } from "@/lib/domain/roles";
import type { AccessLine } from "@/lib/domain/privacy-notice";

/** Who may see and do what with people's data: a line per thing, a column per role, the reader's own marked. */
export function AccessTable({ lines, yourRole }: { lines: AccessLine[]; yourRole: Role }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-labelledby="access-heading">
        <thead className="text-left text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className="p-2 font-medium">
              What
            </th>
            {ROLES.map((role) => (
              <th key={role} scope="col" className="p-2 text-center font-medium">
                {ROLE_LABELS[role]}
                {role === yourRole && <span className="block text-xs font-normal">(you)</span>}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {lines.map((l) => (
            <tr key={`${l.permission}:${l.line}`}>
              <th scope="row" className="p-2 text-left font-normal">
                {l.line}
              </th>
              {ROLES.map((role) => (
                <td
                  key={role}
                  className={`p-2 text-center ${l.roles.includes(role) ? "font-semibold" : "text-slate-600 dark:text-slate-400"}`}
                >
                  {l.roles.includes(role) ? "Yes" : "No"}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
