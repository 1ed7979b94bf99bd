// Bodies built to make a parser quadratic, at two sizes: time must grow with the size (ratio about 2 for
// twice the bytes), not with its square (ratio 4). Issue 11, finding 9.

import { checkXmlStructure } from "@/lib/commcell/xml-structure";
import { splitPendingReason } from "@/lib/jobs/pending-reason";

const MB = 1024 * 1024;

/** Many `<!x>` declarations inside the root, and no `[` anywhere. */
function bangTags(bytes: number): string {
  return `<JobManager_JobListResponse>${"<!x>".repeat(Math.floor(bytes / 4))}</JobManager_JobListResponse>`;
}
/** A pending reason of long runs of spaces without a "Source:". */
function spacedReason(bytes: number): string {
  return `a${" ".repeat(bytes / 2)}b${" ".repeat(bytes / 2)}c`;
}

function time(run: () => void): number {
  run();
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    run();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2] as number;
}

export function runAdversarialBench(): string {
  const rows = [
    ["XML `<!x>` declarations (xml-structure)", (bytes: number) => bangTags(bytes), checkXmlStructureOf],
    [
      "pending reason of spaces (pending-reason)",
      spacedReason,
      (text: string) => void splitPendingReason(text),
    ],
  ] as const;
  const lines = ["| body | 1.5 MB | 3 MB | ratio 3 MB / 1.5 MB | target |", "|---|---:|---:|---:|---|"];
  for (const [name, make, parse] of rows) {
    const small = make(1.5 * MB);
    const large = make(3 * MB);
    const a = time(() => parse(small));
    const b = time(() => parse(large));
    const ratio = b / a;
    lines.push(
      `| ${name} | ${a.toFixed(1)} ms | ${b.toFixed(1)} ms | ${ratio.toFixed(2)} | ≤ 2.5 (linear; quadratic is 4) ${ratio <= 2.5 ? "met" : "MISSED"} |`,
    );
  }
  return lines.join("\n");
}

function checkXmlStructureOf(body: string): void {
  checkXmlStructure(body, "jobs");
}
