// npm run bench [-- --sizes 1000,10000,100000]: runs the benchmarks, prints their tables and records them
// in bench/results/. Benchmarks measure; tests assert behaviour.

import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { runParserBench } from "./parser-bench";

function sizesFrom(argv: readonly string[]): number[] {
  const index = argv.indexOf("--sizes");
  if (index === -1) return [1_000, 10_000, 100_000];
  const sizes = (argv[index + 1] ?? "").split(",").map(Number);
  if (sizes.length === 0 || sizes.some((n) => !Number.isSafeInteger(n) || n <= 0)) {
    throw new Error(`--sizes wants a comma list of positive whole numbers, got "${argv[index + 1] ?? ""}"`);
  }
  return sizes;
}

function main(): void {
  const sizes = sizesFrom(process.argv.slice(2));
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), Node ${process.version}`;
  process.stderr.write(`parser benchmark on ${machine}\n`);
  const table = runParserBench(sizes);
  const report = `# Parser benchmark\n\n${new Date().toISOString()}, ${machine}. Medians over fresh processes (5 per cell, 3 at 100,000 jobs).\n\n${table}\n`;
  process.stdout.write(`${report}\n`);
  mkdirSync(join(__dirname, "results"), { recursive: true });
  writeFileSync(join(__dirname, "results", "parser.md"), report);
}

main();
