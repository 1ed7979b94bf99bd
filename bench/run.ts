// npm run bench [-- --only parser|adversarial|simulator|server|pages|wall|coverage|scale] [-- --sizes 1000,10000,100000] [-- --cycles 1000]:
// runs the benchmarks, prints
// their tables and records them in bench/results/. Benchmarks measure; tests assert behaviour.

import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join } from "node:path";
import { runAdversarialBench } from "./adversarial-bench";
import { runCoverageBench } from "./coverage-bench";
import { runPagesBench } from "./pages-bench";
import { runParserBench } from "./parser-bench";
import { runScaleBench } from "./scale-bench";
import { runServerBench } from "./server-bench";
import { runSimulatorBench } from "./simulator-bench";
import { runWallSoak } from "./wall-soak";

const SUITES = [
  "parser",
  "adversarial",
  "simulator",
  "server",
  "pages",
  "wall",
  "coverage",
  "scale",
] as const;
type Suite = (typeof SUITES)[number];

function argument(argv: readonly string[], name: string): string | null {
  const index = argv.indexOf(name);
  return index === -1 ? null : (argv[index + 1] ?? "");
}

function sizesFrom(argv: readonly string[]): number[] {
  const text = argument(argv, "--sizes");
  if (text === null) return [1_000, 10_000, 100_000];
  const sizes = text.split(",").map(Number);
  if (sizes.some((n) => !Number.isSafeInteger(n) || n < 100)) {
    throw new Error(`--sizes wants a comma list of whole numbers of at least 100, got "${text}"`);
  }
  return sizes;
}

function cyclesFrom(argv: readonly string[]): number {
  const text = argument(argv, "--cycles");
  if (text === null) return 1000;
  const cycles = Number(text);
  if (!Number.isSafeInteger(cycles) || cycles < 100 || cycles % 100 !== 0)
    throw new Error(`--cycles wants a whole number of hundreds (100, 200...), got "${text}"`);
  return cycles;
}

function suitesFrom(argv: readonly string[]): Suite[] {
  const only = argument(argv, "--only");
  if (only === null) return [...SUITES];
  if (!SUITES.includes(only as Suite))
    throw new Error(`--only wants one of ${SUITES.join(", ")}, got "${only}"`);
  return [only as Suite];
}

function record(name: string, title: string, machine: string, body: string): void {
  const report = `# ${title}\n\n${new Date().toISOString()}, ${machine}.\n\n${body}\n`;
  process.stdout.write(`${report}\n`);
  mkdirSync(join(__dirname, "results"), { recursive: true });
  writeFileSync(join(__dirname, "results", `${name}.md`), report);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const machine = `${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), Node ${process.version}`;
  for (const suite of suitesFrom(argv)) {
    process.stderr.write(`${suite} benchmark on ${machine}\n`);
    if (suite === "parser") {
      const table = runParserBench(sizesFrom(argv));
      record(
        "parser",
        "Parser benchmark",
        machine,
        `Medians over fresh processes (5 per cell, 3 at 100,000 jobs), warm code, bundled as Next ships it. Peak RSS is that of one parse after the warm-up: the kernel's high-water mark is reset after a full collection (\`/proc/self/clear_refs\`), so the warm-up's garbage is not in it.\n\n${table}`,
      );
    } else if (suite === "adversarial") {
      record("adversarial", "Adversarial bodies", machine, runAdversarialBench());
    } else if (suite === "simulator") {
      record("simulator", "Simulator benchmark", machine, await runSimulatorBench());
    } else if (suite === "server") {
      record("server", "Server benchmark", machine, await runServerBench());
    } else if (suite === "scale") {
      record("scale", "Several instances sharing Redis", machine, await runScaleBench());
    } else if (suite === "coverage") {
      record("coverage", "Coverage benchmark", machine, runCoverageBench());
    } else if (suite === "pages") {
      record("pages", "Pages benchmark", machine, await runPagesBench());
    } else {
      // A longer soak, run once now and then, is kept beside the default run's, not in its place.
      const cycles = cyclesFrom(argv);
      record(cycles === 1000 ? "wall" : `wall-${cycles}`, "Wall soak", machine, await runWallSoak(cycles));
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
