import { describe, expect, it } from "vitest";
import { readInvitationCsv } from "@/lib/domain/invitation-csv";

const teams = [
  { id: "t1", name: "Checkout" },
  { id: "t2", name: "Refunds" },
];
const known = { teams, takenEmails: new Set(["old@example.test"]) };

describe("people invited from a CSV", () => {
  it("reads e-mail, name, role and teams, with Member as the default role and team names in any case", () => {
    const { rows, fileError } = readInvitationCsv(
      "email,name,role,teams\r\nAda@Example.test,Ada Lovelace,manager,checkout; Refunds\r\nbo@example.test,,,\r\n",
      known,
    );
    expect(fileError).toBeUndefined();
    expect(rows).toEqual([
      {
        line: 2,
        email: "ada@example.test",
        name: "Ada Lovelace",
        role: "MANAGER",
        teamNames: ["checkout", "Refunds"],
        teamIds: ["t1", "t2"],
        errors: [],
      },
      { line: 3, email: "bo@example.test", name: "", role: "MEMBER", teamNames: [], teamIds: [], errors: [] },
    ]);
  });

  it("names each row's problems: bad e-mail, unknown team, unknown role, duplicates and people already there", () => {
    const { rows } = readInvitationCsv(
      [
        "email,name,role,teams",
        "not-an-email,X,Member,",
        "cy@example.test,Cy,Boss,Checkout",
        "dee@example.test,Dee,Member,Nowhere",
        "cy@example.test,Cy again,Member,",
        "old@example.test,Old,Member,",
      ].join("\n"),
      known,
    );
    expect(rows.map((r) => [r.line, r.errors])).toEqual([
      [2, ["E-mail is not a valid address."]],
      [3, ["Role must be one of Admin, Leader, Manager, Member."]],
      [4, ["There is no team called “Nowhere”."]],
      [5, ["This e-mail is already on line 3."]],
      [6, ["This person is already a member or has an open invitation."]],
    ]);
  });

  it("refuses a file without the e-mail column as a whole", () => {
    expect(readInvitationCsv("name,role\nAda,Member\n", known).fileError).toMatch(/missing the column\(s\): email/);
  });
});
