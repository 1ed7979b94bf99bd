import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { JobReads } from "./job-reads";

const options = { ttlMs: 10_000, maxIdentities: 10, maxPerIdentity: 3, clock: () => Date.now() };

describe("job reads", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("asks once per TTL per identity and job, and readers arriving meanwhile share the one request", async () => {
    const reads = new JobReads(options);
    const read = vi.fn(async () => ({ id: 7 }));
    const [a, b] = await Promise.all([
      reads.get("user:ann", "detail", 7, read),
      reads.get("user:ann", "detail", 7, read),
    ]);
    expect(a).toBe(b);
    expect(read).toHaveBeenCalledTimes(1);
    await reads.get("user:bob", "detail", 7, read); // another identity: its own read
    await reads.get("user:ann", "events", 7, read); // another kind: its own read
    expect(read).toHaveBeenCalledTimes(3);
    vi.advanceTimersByTime(10_001);
    await reads.get("user:ann", "detail", 7, read);
    expect(read).toHaveBeenCalledTimes(4);
  });

  it("does not keep a failed read", async () => {
    const reads = new JobReads(options);
    await expect(
      reads.get("user:ann", "detail", 7, async () => Promise.reject(new Error("down"))),
    ).rejects.toThrow("down");
    expect(await reads.get("user:ann", "detail", 7, async () => "back")).toBe("back");
  });

  it("forgets the jobs acted on for every identity, and nothing else", async () => {
    const reads = new JobReads(options);
    const read = vi.fn(async () => "held");
    for (const identity of ["user:ann", "user:bob"])
      for (const jobId of [7, 8]) await reads.get(identity, "detail", jobId, read);
    await reads.get("user:ann", "events", 7, read);
    read.mockClear();
    reads.forgetJobs([7]);
    for (const identity of ["user:ann", "user:bob"])
      for (const jobId of [7, 8]) await reads.get(identity, "detail", jobId, read);
    await reads.get("user:ann", "events", 7, read);
    expect(read.mock.calls).toHaveLength(3); // job 7's detail twice and its events; job 8 still held
  });

  it("keeps one identity's many reads from pushing out another's", async () => {
    const reads = new JobReads(options);
    const read = vi.fn(async () => "held");
    await reads.get("user:ann", "detail", 1, read);
    for (let jobId = 100; jobId < 150; jobId++) await reads.get("user:mallory", "detail", jobId, read);
    read.mockClear();
    await reads.get("user:ann", "detail", 1, read);
    expect(read).not.toHaveBeenCalled();
  });

  it("forgets a signed-out identity's reads", async () => {
    const reads = new JobReads(options);
    const read = vi.fn(async () => "held");
    await reads.get("user:ann", "detail", 1, read);
    reads.dropIdentity("user:ann");
    await reads.get("user:ann", "detail", 1, read);
    expect(read).toHaveBeenCalledTimes(2);
  });
});
