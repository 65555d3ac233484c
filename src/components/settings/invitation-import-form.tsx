"use client";
import { commitInvitationImportAction, previewInvitationImportAction } from "@/lib/actions/members";
import type { InvitationImportPreviewDto, InvitationLinkDto } from "@/lib/schemas/members";
import { ROLE_LABELS, type Role } from "@/lib/domain/roles";
import { ImportPanel } from "@/components/ui/import-panel";
import { counted } from "@/lib/domain/text";
import { inputClass } from "@/components/ui/field";

type Row = InvitationImportPreviewDto["rows"][number];

export function InvitationLinks({ links, days = 7 }: { links: InvitationLinkDto[]; days?: number }) {
  const origin = window.location.origin;
  return (
    <section role="status" aria-labelledby="invitation-links-heading" className="space-y-2">
      <h3 id="invitation-links-heading" className="font-semibold">
        {links.length} invitation link{links.length === 1 ? "" : "s"} made
      </h3>
      <p className="text-sm">
        Send each person their own link: it works once, only for their e-mail, for {days} days, and puts them in their
        teams when they join. The links are not shown again.
      </p>
      <ul className="space-y-2">
        {links.map((l) => (
          <li key={l.email} className="space-y-1">
            <span className="block text-sm font-medium">{l.name ? `${l.name} · ${l.email}` : l.email}</span>
            <input
              readOnly
              value={`${origin}/invite/${l.token}`}
              aria-label={`Invitation link for ${l.email}`}
              className={`${inputClass} font-mono text-xs`}
              onFocus={(e) => e.currentTarget.select()}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Many people at once: `email,name,role,teams`, previewed with each row's problems, all or none. */
export function InvitationImportForm() {
  return (
    <ImportPanel<Row, InvitationImportPreviewDto>
      fileLabel="People CSV (email, name, role, teams; teams separated by ;)"
      accept=".csv,text/csv"
      noun={["person", "people"]}
      preview={previewInvitationImportAction}
      commit={commitInvitationImportAction}
      summary={(p) => `${p.importable} of ${counted(p.rows.length, "person", "people")} can be invited.`}
      columns={[
        { header: "E-mail", cell: (r) => r.email },
        { header: "Name", cell: (r) => r.name },
        { header: "Role", cell: (r) => ROLE_LABELS[r.role as Role] ?? r.role },
        { header: "Teams", cell: (r) => r.teamNames.join(", ") },
      ]}
      done={(links) => <InvitationLinks links={links as InvitationLinkDto[]} />}
    />
  );
}
