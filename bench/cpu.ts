// CPU time a process (and its children) has used, from /proc: what a load cost the server, as a share of
// one core over the load's wall-clock time.

import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

function childrenOf(pid: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .map((line) => Number(line.trim()))
      .filter((n) => n > 0);
  } catch {
    return [];
  }
}

/** User plus system CPU seconds of a process and its direct children. */
export function cpuSeconds(pid: number): number {
  let ticks = 0;
  for (const one of [pid, ...childrenOf(pid)]) {
    const path = `/proc/${one}/stat`;
    if (!existsSync(path)) continue;
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = readFileSync(path, "utf8").split(")").at(-1)?.trim().split(" ") ?? [];
    ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15)
  }
  return ticks / TICKS_PER_SECOND;
}

/** Runs `work` and gives its result with the share of one core the process used meanwhile (0.25 = 25 %). */
export async function withCpu<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; core: number }> {
  const cpuBefore = cpuSeconds(pid);
  const started = performance.now();
  const result = await work();
  const seconds = (performance.now() - started) / 1000;
  return { result, core: (cpuSeconds(pid) - cpuBefore) / seconds };
}
