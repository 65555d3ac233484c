// What Linux's /proc says of the bench's processes: a process tree, its resident memory, and the CPU time
// each part of the system (web processes, PostgreSQL, nginx, the load generator) used while a load ran, so
// that a throughput figure comes with what limited it (issue 19: "CPU profile of both processes and PostgreSQL").
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import { round } from "./stats";

/** A process and all its descendants, the process first. */
export function processTree(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const fields = statFields(Number(entry));
    if (!fields) continue;
    const ppid = Number(fields[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}

/** Resident memory of a process and all its descendants, in MB. */
export function treeRssMb(pid: number): number {
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, "utf8"))?.[1];
      total += Number(kb ?? 0) / 1024;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/** The fields of /proc/<pid>/stat after the command name: [state, ppid, …]; null once it has ended. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

let ticksPerSecond: number | undefined;
const hz = () => (ticksPerSecond ??= Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100);

/** CPU seconds (user + system) a process has used, and its waited-for children's; 0 once it has ended. */
function cpuTicks(pid: number): number {
  const f = statFields(pid);
  // utime, stime, cutime, cstime are fields 14–17 of stat, 12–15 here.
  return f ? Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]) : 0;
}

/** The machine's busy and total ticks so far, over every core (/proc/stat's first line). */
function machineTicks(): { busy: number; total: number } {
  const [, ...values] = readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/);
  const n = values.map(Number);
  const total = n.reduce((a, b) => a + b, 0);
  const idle = (n[3] ?? 0) + (n[4] ?? 0); // idle + iowait
  return { busy: total - idle, total };
}

/** Cores each part used on average while `run` ran (1 = one core fully busy), and the machine's busy cores. */
export interface CpuUse {
  seconds: number;
  cores: Record<string, number>;
  /** Every process's CPU over the wall time: the machine's whole load, the bench's own parts included. */
  machine_busy_cores: number;
}

/**
 * Runs `run` and measures the CPU of each part. A part is a function giving its processes (asked at the
 * start and at the end, so a PostgreSQL backend opened meanwhile counts from when it was first seen).
 */
export async function measureCpu<T>(
  parts: Record<string, () => number[]>,
  run: () => Promise<T>,
): Promise<{ result: T; cpu: CpuUse }> {
  const sample = () => {
    const ticks = new Map<string, Map<number, number>>();
    for (const [name, pids] of Object.entries(parts))
      ticks.set(name, new Map(pids().map((p) => [p, cpuTicks(p)] as const)));
    return ticks;
  };
  const before = sample();
  const machineBefore = machineTicks();
  const t0 = performance.now();
  const result = await run();
  const seconds = (performance.now() - t0) / 1000;
  const after = sample();
  const machineAfter = machineTicks();
  const cores: Record<string, number> = {};
  for (const [name, end] of after) {
    const start = before.get(name)!;
    let ticks = 0;
    for (const [pid, t] of end) ticks += t - (start.get(pid) ?? t);
    cores[name] = round(ticks / hz() / seconds, 2);
  }
  const cpuCount = readFileSync("/proc/stat", "utf8")
    .split("\n")
    .filter((l) => /^cpu\d+ /.test(l)).length;
  const machine_busy_cores = round(
    ((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * cpuCount,
    2,
  );
  return { result, cpu: { seconds: round(seconds), cores, machine_busy_cores } };
}
