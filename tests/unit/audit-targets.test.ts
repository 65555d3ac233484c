import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { recordedName, targetKind, targetKindLabel, targetName } from "@/lib/domain/audit-targets";

describe("audit targets", () => {
  it("reads the kinds the app records, in either case", () => {
    expect(targetKind("Behaviour")).toBe("behaviour");
    expect(targetKind("behaviour")).toBe("behaviour"); // soft deletes record the lower-case kind
    expect(targetKind("CustomerStory")).toBe("customerstory");
    expect(targetKind("Thing")).toBeNull();
    expect(targetKind(null)).toBeNull();
    expect(targetKindLabel("CustomerStory")).toBe("Customer story");
    expect(targetKindLabel("Membership")).toBe("Member");
    expect(targetKindLabel("User")).toBe("Person");
    expect(targetKindLabel("Organization")).toBe("Organisation");
    expect(targetKindLabel("Thing")).toBe("Thing");
  });

  it("names a found target, else the name the event recorded marked deleted, else (deleted)", () => {
    expect(targetName("Support", { name: "Old name" })).toBe("Support");
    expect(targetName(undefined, { name: " Support " })).toBe("Support (deleted)");
    expect(targetName(undefined, { title: "Root cause" })).toBe("Root cause (deleted)");
    expect(targetName(undefined, { from: "A", to: "B" })).toBe("(deleted)");
    expect(targetName(undefined, null)).toBe("(deleted)");
    expect(targetName(undefined, ["name"])).toBe("(deleted)");
    expect(recordedName({ name: 3, title: "" })).toBeNull();
  });
});

describe("every kind of target the app records", () => {
  it("has a label and a name lookup (a new targetType in src/lib/server must be added to TARGET_KINDS)", () => {
    const root = path.resolve(import.meta.dirname, "../../src/lib/server");
    const files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    const recorded = new Set(
      files.flatMap((f) =>
        [...readFileSync(path.join(root, f), "utf8").matchAll(/targetType: "([A-Za-z]+)"/g)].map((m) => m[1]!),
      ),
    );
    expect(recorded.size).toBeGreaterThan(10);
    expect([...recorded].filter((t) => targetKind(t) === null)).toEqual([]);
  });
});
