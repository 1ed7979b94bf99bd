// Starting and measuring the processes a benchmark drives: the simulator and `next start`, each in its own
// process group so that stopping them leaves nothing behind serving an old build.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export const ROOT = join(__dirname, "..");

export function startProcess(
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: string,
): Promise<ChildProcess> {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  return new Promise((resolve, reject) => {
    let out = "";
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(ready)) resolve(child);
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`${command} exited with ${code}:\n${out.slice(-2000)}`)));
  });
}

export function stopProcess(child: ChildProcess): void {
  if (child.pid !== undefined) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // Already gone.
    }
  }
}

/** Peak resident memory (VmHWM) of a process and its descendants, in MB: the largest of them. */
export function peakRssMb(pid: number): number {
  const pids = [pid];
  try {
    const children = execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" });
    pids.push(
      ...children
        .split("\n")
        .map((line) => Number(line.trim()))
        .filter((n) => n > 0),
    );
  } catch {
    // No children.
  }
  let peak = 0;
  for (const one of pids) {
    const status = existsSync(`/proc/${one}/status`) ? readFileSync(`/proc/${one}/status`, "utf8") : "";
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    if (match) peak = Math.max(peak, Number(match[1]) / 1024);
  }
  return peak;
}

/** The newest modification time of the files under a folder, in ms. */
function newestMtime(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Builds the app when there is no build, or one older than the sources: the benchmark measures `next
 * start`, as it is deployed, and a build left from other sources would measure other code.
 */
export function ensureBuild(): void {
  const buildId = join(ROOT, ".next", "BUILD_ID");
  const sources = Math.max(...["app", "components", "lib"].map((folder) => newestMtime(join(ROOT, folder))));
  if (existsSync(buildId) && statSync(buildId).mtimeMs > sources) return;
  process.stderr.write("  no build of these sources yet: running next build\n");
  execFileSync(join(ROOT, "node_modules/.bin/next"), ["build"], {
    cwd: ROOT,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

/** `next start` of the built app on a port, with the embedded simulator set by `env`, once it is ready. */
export function startApp(port: number, env: Record<string, string>): Promise<ChildProcess> {
  ensureBuild();
  return startProcess(
    process.execPath,
    [`${ROOT}/node_modules/next/dist/bin/next`, "start", "-p", String(port), "-H", "127.0.0.1"],
    { NEXT_TELEMETRY_DISABLED: "1", ...env },
    "Ready",
  );
}
