// The parser benchmark: for generated bodies of each size, the median time and peak RSS of JSON.parse
// alone, parseJobList on JSON, fast-xml-parser alone and parseJobList on XML, each run in fresh processes.
// Targets (issue 2): JSON path <= 2x JSON.parse in time; XML path <= 1.2x fast-xml-parser; peak RSS of
// either path <= 1.3x its parser alone.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildSync } from "esbuild";
import { jsonJobList, xmlJobList } from "./generate-job-list";
import { PARSE_MODE_FORMAT, PARSE_MODES, type ParseMode } from "./parse-modes";
import { type TargetRow, target, targetTable } from "./targets";

interface Cell {
  ms: number;
  maxRssMb: number;
}

const CACHE = join(__dirname, ".cache");
const WARM_UP_JOBS = 1_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * The measured code is bundled first, as Next bundles it for the server: run through tsx, every call to an
 * imported function goes through a CommonJS export getter, which is tsx's cost, not the parser's.
 */
function bundleParseOnce(): string {
  const outfile = join(CACHE, "parse-once.mjs");
  buildSync({
    entryPoints: [join(__dirname, "parse-once.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    outfile,
    logLevel: "warning",
  });
  return outfile;
}

function bodyFile(size: number, format: "json" | "xml"): string {
  mkdirSync(CACHE, { recursive: true });
  const file = join(CACHE, `jobs-${size}.${format}`);
  if (!existsSync(file)) writeFileSync(file, format === "json" ? jsonJobList(size) : xmlJobList(size));
  return file;
}

/** One process's measurement of `mode` on `file`. */
function measureOnce(script: string, mode: ParseMode, file: string, warmUp: string, size: number): Cell {
  // Small bodies are timed over many iterations in a process (a 1,000-job JSON parse is ~2-4 ms, where
  // one scavenge moves a median of a few runs); 100,000 jobs once (an XML parse is ~10 s).
  const iterations = Math.max(1, Math.min(100, Math.floor(100_000 / size)));
  const out = execFileSync(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=12288", script, mode, file, String(iterations), warmUp],
    { encoding: "utf8", maxBuffer: 1 << 20 },
  );
  return JSON.parse(out.trim().split("\n").at(-1) as string) as Cell;
}

/**
 * Every mode measured in `processes` rounds, each round running every mode once: the ratios compare
 * paths measured in the same minutes, so a machine whose speed drifts (a neighbour's load) moves both
 * sides of a ratio alike instead of only the path measured last.
 */
function measureModes(
  script: string,
  files: { readonly json: string; readonly xml: string },
  size: number,
  processes: number,
): Record<ParseMode, Cell> {
  const runs = Object.fromEntries(PARSE_MODES.map((mode) => [mode, [] as Cell[]])) as Record<
    ParseMode,
    Cell[]
  >;
  const warmUps = { json: bodyFile(WARM_UP_JOBS, "json"), xml: bodyFile(WARM_UP_JOBS, "xml") };
  for (let round = 0; round < processes; round++) {
    for (const mode of PARSE_MODES) {
      const format = PARSE_MODE_FORMAT[mode];
      runs[mode].push(measureOnce(script, mode, files[format], warmUps[format], size));
    }
  }
  const cells = {} as Record<ParseMode, Cell>;
  for (const mode of PARSE_MODES) {
    cells[mode] = {
      ms: median(runs[mode].map((c) => c.ms)),
      maxRssMb: median(runs[mode].map((c) => c.maxRssMb)),
    };
  }
  return cells;
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

const ratio = (a: number, b: number) => `${fmt(a / b, 2)}x`;

export function runParserBench(sizes: readonly number[]): string {
  const lines = [
    "| jobs | body MB (JSON / XML) | JSON.parse ms | parseJobList JSON ms | time ratio (target <= 2x) | RSS MB JSON.parse / parseJobList | RSS ratio (target <= 1.3x) | fxp plain ms | fxp configured ms | parseJobList XML ms | time ratio vs plain (target <= 1.2x) | vs configured | RSS MB fxp plain / parseJobList | RSS ratio (target <= 1.3x) |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const targets: TargetRow[] = [];
  mkdirSync(CACHE, { recursive: true });
  const script = bundleParseOnce();
  for (const size of sizes) {
    const json = bodyFile(size, "json");
    const xml = bodyFile(size, "xml");
    const processes = size >= 100_000 ? 3 : 5;
    const cells = measureModes(script, { json, xml }, size, processes);
    for (const mode of PARSE_MODES)
      process.stderr.write(
        `  ${size} ${mode}: ${fmt(cells[mode].ms)} ms, ${fmt(cells[mode].maxRssMb, 0)} MB\n`,
      );
    const mb = (file: string) => fmt(statSync(file).size / 1e6);
    const j = cells["json-parse"];
    const pj = cells["parseJobList-json"];
    const x = cells["fxp-plain"];
    const xc = cells["fxp-configured"];
    const px = cells["parseJobList-xml"];
    const n = size.toLocaleString("en-US");
    targets.push(
      target(`${n} jobs, JSON path time / JSON.parse`, ratio(pj.ms, j.ms), "≤ 2x", pj.ms / j.ms <= 2),
      target(
        `${n} jobs, JSON path peak RSS / JSON.parse`,
        ratio(pj.maxRssMb, j.maxRssMb),
        "≤ 1.3x",
        pj.maxRssMb / j.maxRssMb <= 1.3,
      ),
      target(`${n} jobs, XML path time / fast-xml-parser`, ratio(px.ms, x.ms), "≤ 1.2x", px.ms / x.ms <= 1.2),
      target(
        `${n} jobs, XML path peak RSS / fast-xml-parser`,
        ratio(px.maxRssMb, x.maxRssMb),
        "≤ 1.3x",
        px.maxRssMb / x.maxRssMb <= 1.3,
      ),
    );
    lines.push(
      [
        size,
        `${mb(json)} / ${mb(xml)}`,
        fmt(j.ms),
        fmt(pj.ms),
        ratio(pj.ms, j.ms),
        `${fmt(j.maxRssMb, 0)} / ${fmt(pj.maxRssMb, 0)}`,
        ratio(pj.maxRssMb, j.maxRssMb),
        fmt(x.ms),
        fmt(xc.ms),
        fmt(px.ms),
        ratio(px.ms, x.ms),
        ratio(px.ms, xc.ms),
        `${fmt(x.maxRssMb, 0)} / ${fmt(px.maxRssMb, 0)}`,
        ratio(px.maxRssMb, x.maxRssMb),
      ]
        .join(" | ")
        .replace(/^/, "| ")
        .concat(" |"),
    );
  }
  return [targetTable(targets), "", ...lines].join("\n");
}
