import { describe, expect, it } from "vitest";
import { AUDIT_COLUMNS, auditEventsToCsv, detailsText } from "@/lib/domain/audit-csv";
import { parseCsv } from "@/lib/domain/csv";

const row = {
  at: "2026-10-30T12:00:00.000Z",
  actorName: "Ada Admin",
  action: "barrier.status",
  targetType: "Barrier",
  targetId: "cbarrier1",
  targetName: "No time to triage",
  outcome: "ok",
  ip: "203.0.113.7",
  details: '{"from":"IDENTIFIED","to":"REMOVED"}',
};

describe("audit trail CSV", () => {
  it("writes the documented header and one line per event", () => {
    const csv = auditEventsToCsv([
      row,
      {
        ...row,
        actorName: "—",
        targetType: null,
        targetId: null,
        targetName: null,
        ip: null,
        details: "",
        outcome: "failed",
        action: "auth.sign-in",
      },
    ]);
    const lines = csv.split("\r\n");
    expect(lines[0]).toBe(
      "at,actor,action,target_type,target_id,outcome,ip,details,target_name,day,local_time,time_zone",
    );
    expect(lines[0]).toBe(AUDIT_COLUMNS.join(","));
    expect(lines[1]).toBe(
      '2026-10-30T12:00:00.000Z,Ada Admin,barrier.status,Barrier,cbarrier1,ok,203.0.113.7,"{""from"":""IDENTIFIED"",""to"":""REMOVED""}",No time to triage,2026-10-30,12:00:00,UTC',
    );
    expect(lines[2]).toBe("2026-10-30T12:00:00.000Z,—,auth.sign-in,,,failed,,,,2026-10-30,12:00:00,UTC");
    expect(lines).toHaveLength(4); // a final CRLF
  });

  it("neutralises cells a spreadsheet would run as formulas; reading shows the apostrophe it added", () => {
    const csv = auditEventsToCsv([
      {
        ...row,
        targetId: '=HYPERLINK("http://evil")',
        targetName: "+cmd|' /C calc'!A0",
        details: "@SUM(1+1)",
        actorName: "-Mallory",
      },
    ]);
    const line = csv.split("\r\n")[1]!;
    expect(line).toContain(`'-Mallory`);
    expect(line).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(line).toContain(`'@SUM(1+1)`);
    expect(parseCsv(csv)[1]).toEqual([
      "2026-10-30T12:00:00.000Z",
      "'-Mallory",
      "barrier.status",
      "Barrier",
      `'=HYPERLINK("http://evil")`,
      "ok",
      "203.0.113.7",
      "'@SUM(1+1)",
      "'+cmd|' /C calc'!A0",
      "2026-10-30",
      "12:00:00",
      "UTC",
    ]);
  });

  it("gives each event's day and time on the organisation's clock beside the UTC instant, the zone named", () => {
    // 22:30 UTC on 30 October is 11:30 on 31 October in Auckland (NZDT, +13).
    const late = { ...row, at: "2026-10-30T22:30:00.000Z" };
    const rows = parseCsv(auditEventsToCsv([late], "Pacific/Auckland"));
    expect(rows[0]!.slice(-3)).toEqual(["day", "local_time", "time_zone"]);
    expect(rows[1]![0]).toBe("2026-10-30T22:30:00.000Z");
    expect(rows[1]!.slice(-3)).toEqual(["2026-10-31", "11:30:00", "Pacific/Auckland"]);
    expect(parseCsv(auditEventsToCsv([late], "America/Los_Angeles", false))).toEqual([
      [...rows[1]!.slice(0, -3), "2026-10-30", "15:30:00", "America/Los_Angeles"],
    ]);
  });

  it("turns details into JSON text, cut with an ellipsis at the limit", () => {
    expect(detailsText(null)).toBe("");
    expect(detailsText(undefined)).toBe("");
    expect(detailsText({ rows: 3 })).toBe('{"rows":3}');
    const long = detailsText({ note: "x".repeat(400) }, 300);
    expect(long).toHaveLength(300);
    expect(long.startsWith('{"note":"xxx')).toBe(true);
    expect(long.endsWith("x…")).toBe(true);
    expect(detailsText({ a: 1 }, 9)).toBe('{"a":1}'); // 7 characters: not cut
  });
});
