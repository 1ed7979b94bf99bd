import { chmod, mkdtemp, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { AuditLog } from "./audit-log";

const entry = (user: string, userId = `user:${user.toLowerCase()}`) => ({
  at: "2026-12-02T00:00:00.000Z",
  user,
  userId,
  action: "kill" as const,
  jobIds: [7],
  reason: "stuck",
  results: [{ jobId: 7, outcome: "accepted" as const, message: "Accepted by the CommCell." }],
});

describe("AuditLog", () => {
  it("appends one JSON line per attempt to an owner-only file, and keeps each user's recent ones", async () => {
    vi.spyOn(console, "info").mockImplementation(() => undefined);
    const file = join(await mkdtemp(join(tmpdir(), "audit-")), "actions.log");
    const log = await AuditLog.open(file);
    expect(await log.record(entry("Alice"))).toBeNull();
    expect(await log.record(entry("bob"))).toBeNull();
    const lines = (await readFile(file, "utf8"))
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.user, line.action, line.jobIds, line.results[0].outcome])).toEqual([
      ["Alice", "kill", [7], "accepted"],
      ["bob", "kill", [7], "accepted"],
    ]);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(log.recent("user:alice").map((e) => e.user)).toEqual(["Alice"]);
  });

  it("keeps two accounts of one name apart: each history is its identity's", async () => {
    vi.spyOn(console, "info").mockImplementation(() => undefined);
    const log = await AuditLog.open(null);
    await log.record(entry("jsmith", "user:guid:aaa"));
    await log.record(entry("jsmith", "user:guid:bbb"));
    await log.record(entry("jsmith", "user:guid:bbb"));
    expect(log.recent("user:guid:aaa")).toHaveLength(1);
    expect(log.recent("user:guid:bbb")).toHaveLength(2);
  });

  it("refuses at start a file it cannot write, and reports a failed write instead of dropping it", async () => {
    await expect(AuditLog.open("/nonexistent-dir/actions.log")).rejects.toThrow(
      "AUDIT_LOG_FILE cannot be written",
    );
    vi.spyOn(console, "info").mockImplementation(() => undefined);
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const dir = await mkdtemp(join(tmpdir(), "audit-"));
    const file = join(dir, "actions.log");
    const log = await AuditLog.open(file);
    // Root can write anywhere; a directory in the file's place fails for everyone.
    await chmod(file, 0o600);
    const { rm, mkdir } = await import("node:fs/promises");
    await rm(file);
    await mkdir(file);
    expect(await log.record(entry("alice"))).toContain("could not be written");
    expect(errors).toHaveBeenCalled();
  });
});
