import { describe, expect, it } from "vitest";
import { parsePendingReason, splitPendingReason } from "./pending-reason";

describe("pending reasons", () => {
  it("splits on <br> and line breaks and lifts Source and Process out of each reason", () => {
    const text =
      "Killed by admin. Reason:[killing].<br>Source: client001, Process: JobManager\n" +
      "Backup job has been suspended by user admin. Reason:[not responding].<br>Source: client001, Process: JobManager";
    expect(splitPendingReason(text)).toEqual([
      { message: "Killed by admin. Reason:[killing].", source: "client001", process: "JobManager" },
      {
        message: "Backup job has been suspended by user admin. Reason:[not responding].",
        source: "client001",
        process: "JobManager",
      },
    ]);
  });

  it("accepts <br/>, <BR />, escaped <br> and CRLF", () => {
    const text = "A<br/>Source: c1, Process: P1\r\nB<BR />Source: c2, Process: P2&lt;br&gt;C";
    expect(splitPendingReason(text)).toEqual([
      { message: "A", source: "c1", process: "P1" },
      { message: "B", source: "c2", process: "P2" },
      { message: "C", source: null, process: null },
    ]);
  });

  it("lifts an inline Source out of the same line", () => {
    expect(splitPendingReason("Waiting for media. Source: ma01, Process: MediaManager")).toEqual([
      { message: "Waiting for media.", source: "ma01", process: "MediaManager" },
    ]);
  });

  it("keeps a Source without a Process", () => {
    expect(splitPendingReason("Busy<br>Source: c1")).toEqual([
      { message: "Busy", source: "c1", process: null },
    ]);
  });

  it("finds Source in any case, at its place in the text even after a letter that lower-cases to two", () => {
    expect(splitPendingReason("İstanbul site busy SOURCE: ist01, process: JobMgr")).toEqual([
      { message: "İstanbul site busy", source: "ist01", process: "JobMgr" },
    ]);
  });

  it("keeps a message without a source", () => {
    expect(splitPendingReason("just text")).toEqual([{ message: "just text", source: null, process: null }]);
  });

  it("keeps markup as text", () => {
    const reason = parsePendingReason("<script>alert(1)</script><br>Source: x, Process: y", "1:2");
    expect(reason?.reasons[0]?.message).toBe("<script>alert(1)</script>");
    expect(reason?.errorCode).toBe("1:2");
  });

  it("is null for no text", () => {
    expect(parsePendingReason(null, "19:857")).toBeNull();
    expect(parsePendingReason("   ", null)).toBeNull();
  });

  // Before the regex was replaced, this text (a megabyte of spaces) took hours: the test would hang.
  it("reads a reason padded with a megabyte of spaces, in one pass", () => {
    const text = `Waiting${" ".repeat(1 << 20)}for media Source: ma01${" ".repeat(1 << 19)}, Process:${" ".repeat(1 << 19)}cvd`;
    expect(splitPendingReason(text)).toEqual([
      { message: `Waiting${" ".repeat(1 << 20)}for media`, source: "ma01", process: "cvd" },
    ]);
    const plain = `a${" ".repeat(1 << 20)}b`;
    expect(splitPendingReason(plain)).toEqual([{ message: plain, source: null, process: null }]);
  });
});
