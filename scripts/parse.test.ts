// The parse command as an admin runs it: a real process, real files, exit codes and streams.

import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(__dirname, "..");
const TSX = join(ROOT, "node_modules/.bin/tsx");

function parse(...args: string[]) {
  return spawnSync(TSX, [join(ROOT, "scripts/parse.ts"), ...args], { cwd: ROOT, encoding: "utf8" });
}

describe("npm run parse", () => {
  it("prints the normalized jobs of a captured XML response", () => {
    const result = parse(join(ROOT, "lib/commcell/fixtures/seed-active.xml"));
    expect(result.status).toBe(0);
    const output = JSON.parse(result.stdout);
    expect(output.total).toBe(21);
    expect(output.jobs.map((job: { id: number }) => job.id)).toEqual([270, 283, 293]);
    expect(output.dropped).toEqual({ hidden: 0, unreadable: 0 });
  });

  it("exits 1 with the reason on stderr for a body that is not a job list", () => {
    const dir = mkdtempSync(join(tmpdir(), "parse-"));
    const file = join(dir, "error.html");
    writeFileSync(file, "<html><head><title>Bad Gateway</title></head></html>");
    const result = parse(file);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain('HTML page titled "Bad Gateway"');
  });

  it("exits 2 for a missing file or no argument", () => {
    const missing = parse("/nonexistent/response.xml");
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain("cannot read /nonexistent/response.xml");
    const none = parse();
    expect(none.status).toBe(2);
    expect(none.stderr).toContain("usage:");
  });
}, 30_000);
