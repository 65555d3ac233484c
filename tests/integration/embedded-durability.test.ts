// The embedded database survives a restart and a kill -9 in the middle of writes: every
// acknowledged observation is there afterwards and the database keeps working. Its commits are
// written through to the disk unless CONDUCT_EMBEDDED_FSYNC=off (docs/decisions/017).
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/server/database";
import { embeddedFsync } from "@/lib/server/env";
import { migrate } from "@/lib/server/migrate";

describe("embedded database durability", () => {
  it("keeps every acknowledged observation after kill -9, and opens again", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "conduct-kill-"));
    try {
      const child = spawn(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "tests/integration/support/observation-writer.ts"],
        {
          env: { ...process.env, CONDUCT_DATA_DIR: dir, DATABASE_URL: "" },
          stdio: ["ignore", "pipe", "inherit"],
        },
      );
      const acked: string[] = [];
      let orgId = "";
      await new Promise<void>((resolve, reject) => {
        child.on("error", reject);
        child.on("exit", (code, signal) =>
          signal === "SIGKILL" ? resolve() : reject(new Error(`writer exited early: ${code}`)),
        );
        createInterface({ input: child.stdout! }).on("line", (line) => {
          if (line.startsWith("READY ")) orgId = line.slice(6);
          if (!line.startsWith("ACK ")) return;
          acked.push(line.slice(4));
          if (acked.length === 300) child.kill("SIGKILL"); // mid-write: the loop never pauses
        });
      }).catch(async (e) => {
        child.kill("SIGKILL");
        throw e;
      });
      expect(acked.length).toBeGreaterThanOrEqual(300);

      const reopened = openDatabase({ dataDir: dir });
      try {
        expect(await migrate(reopened.sql)).toEqual([]);
        const present = await reopened.prisma.observation.findMany({
          where: { organizationId: orgId },
          select: { id: true },
        });
        const ids = new Set(present.map((r) => r.id));
        expect(acked.filter((id) => !ids.has(id))).toEqual([]);
        const any = await reopened.prisma.observation.findFirstOrThrow({
          where: { organizationId: orgId },
          select: { behaviourId: true, teamId: true },
        });
        await reopened.prisma.observation.create({
          data: { organizationId: orgId, ...any, occurredAt: new Date(), performed: 1, missed: 0 },
        });
        expect(await reopened.prisma.observation.count({ where: { organizationId: orgId } })).toBe(present.length + 1);
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("writes each commit's WAL through to the disk unless CONDUCT_EMBEDDED_FSYNC=off", async () => {
    // In Node, PGlite's file system drops fsync() and fdatasync(); only a WAL opened with O_DSYNC
    // (open_datasync) reaches the disk, so that is the setting "on" must give.
    const settings = async (value: string | undefined) => {
      const before = process.env.CONDUCT_EMBEDDED_FSYNC;
      if (value === undefined) delete process.env.CONDUCT_EMBEDDED_FSYNC;
      else process.env.CONDUCT_EMBEDDED_FSYNC = value;
      try {
        const db = openDatabase({ dataDir: "memory://" });
        try {
          return await db.sql.query<{ name: string; setting: string }>(
            `SELECT name, setting FROM pg_settings WHERE name IN ('fsync', 'wal_sync_method', 'synchronous_commit') ORDER BY name`,
          );
        } finally {
          await db.close();
        }
      } finally {
        if (before === undefined) delete process.env.CONDUCT_EMBEDDED_FSYNC;
        else process.env.CONDUCT_EMBEDDED_FSYNC = before;
      }
    };
    const on = [
      { name: "fsync", setting: "on" },
      { name: "synchronous_commit", setting: "on" },
      { name: "wal_sync_method", setting: "open_datasync" },
    ];
    expect(await settings(undefined)).toEqual(on);
    expect(await settings("on")).toEqual(on);
    expect((await settings("off")).find((s) => s.name === "fsync")).toEqual({ name: "fsync", setting: "off" });
    const before = process.env.CONDUCT_EMBEDDED_FSYNC;
    process.env.CONDUCT_EMBEDDED_FSYNC = "yes";
    try {
      expect(() => embeddedFsync()).toThrow(/CONDUCT_EMBEDDED_FSYNC must be on or off/);
    } finally {
      if (before === undefined) delete process.env.CONDUCT_EMBEDDED_FSYNC;
      else process.env.CONDUCT_EMBEDDED_FSYNC = before;
    }
  }, 60_000);
});
