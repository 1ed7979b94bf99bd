// What `--cpu-prof` and `--trace-gc` say about a server run, summed up for a report: the functions that
// took the most CPU themselves (self time, over every profile the run wrote), and the garbage collector's
// pauses by kind.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
}

interface CpuProfile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Where a frame comes from, short: the package, or the file of the app's own build. */
function origin(url: string): string {
  if (url === "") return "";
  const modules = url.lastIndexOf("node_modules/");
  if (modules >= 0)
    return url
      .slice(modules + "node_modules/".length)
      .split("/")
      .slice(0, 3)
      .join("/");
  return url.split("/").slice(-2).join("/");
}

/** The `top` frames by self time over every .cpuprofile in `dir`, as a Markdown table. */
export function topSelfTime(dir: string, top = 15): string {
  const self = new Map<string, number>();
  let total = 0;
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".cpuprofile"))) {
    const profile = JSON.parse(readFileSync(join(dir, file), "utf8")) as CpuProfile;
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    profile.samples.forEach((id, index) => {
      const frame = byId.get(id)?.callFrame;
      const ms = (profile.timeDeltas[index] ?? 0) / 1000;
      if (!frame || frame.functionName === "(idle)") return;
      const key = `${frame.functionName || "(anonymous)"} ${origin(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ""}`;
      self.set(key, (self.get(key) ?? 0) + ms);
      total += ms;
    });
  }
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `CPU time sampled (idle left out): ${(total / 1000).toFixed(1)} s.`,
    "",
    "| self ms | share | function |",
    "|---:|---:|---|",
    ...rows.map(
      ([key, ms]) =>
        `| ${ms.toFixed(0)} | ${((ms / total) * 100).toFixed(1)} % | \`${key.replaceAll("|", "\\|")}\` |`,
    ),
  ].join("\n");
}

const GC_LINE =
  /: (Scavenge|Mark-Compact|Mark-Compact \(reduce\)|Minor Mark-Compact)[^,]*, ([\d.]+) \/ ([\d.]+) ms/;

/** The GC pauses a `--trace-gc` output tells, by kind: count, total and longest, as a Markdown table. */
export function gcPauses(trace: string): string {
  const kinds = new Map<string, number[]>();
  for (const line of trace.split("\n")) {
    const match = GC_LINE.exec(line);
    if (!match) continue;
    const pauses = kinds.get(match[1] as string) ?? [];
    pauses.push(Number(match[2]));
    kinds.set(match[1] as string, pauses);
  }
  if (kinds.size === 0) return "No GC lines were traced.";
  return [
    "| GC | pauses | total ms | longest ms |",
    "|---|---:|---:|---:|",
    ...[...kinds].map(
      ([kind, pauses]) =>
        `| ${kind} | ${pauses.length} | ${pauses.reduce((a, b) => a + b, 0).toFixed(0)} | ${Math.max(...pauses).toFixed(1)} |`,
    ),
  ].join("\n");
}
