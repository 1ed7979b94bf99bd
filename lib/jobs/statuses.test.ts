import { describe, expect, it } from "vitest";
import { STATUS_INFO, STATUS_KINDS, statusKindOf, statusTone } from "./statuses";

describe("statusKindOf", () => {
  it("reads every status in the vocabulary from its own text", () => {
    for (const kind of STATUS_KINDS) {
      if (kind === "unknown") continue;
      expect(statusKindOf(STATUS_INFO[kind].text)).toBe(kind);
    }
  });

  it("ignores case and extra spaces but nothing else", () => {
    expect(statusKindOf("completed W/ ONE or more   errors")).toBe("completed_with_errors");
    expect(statusKindOf("  failed to start ")).toBe("failed_to_start");
    expect(statusKindOf("kill pending")).toBe("kill_pending");
  });

  it("never reads a longer status as a shorter one", () => {
    expect(statusKindOf("Completed w/ one or more errors")).not.toBe("completed");
    expect(statusKindOf("Completed w/ one or more warnings")).toBe("completed_with_warnings");
    expect(statusKindOf("Failed to Start")).toBe("failed_to_start");
    expect(statusKindOf("Completed with a twist")).toBe("unknown");
    expect(statusKindOf("Complete")).toBe("unknown");
  });

  it("reads missing or unknown statuses as unknown", () => {
    expect(statusKindOf(null)).toBe("unknown");
    expect(statusKindOf(undefined)).toBe("unknown");
    expect(statusKindOf("")).toBe("unknown");
    expect(statusKindOf("Dangling")).toBe("unknown");
  });

  it("marks exactly the job-controller statuses as active", () => {
    const active = STATUS_KINDS.filter((kind) => STATUS_INFO[kind].active);
    expect(active).toEqual([
      "running",
      "waiting",
      "pending",
      "queued",
      "suspended",
      "kill_pending",
      "suspend_pending",
      "interrupt_pending",
    ]);
  });

  it("gives failures a danger tone, errors a caution tone and warnings a warning tone", () => {
    for (const kind of ["failed", "failed_to_start", "killed", "interrupted"] as const) {
      expect(STATUS_INFO[kind].tone).toBe("danger");
    }
    // Between warning and danger, and told apart from warnings on every chart and tile (was "warning"
    // on the overview, "danger" on the wall and "paused" in the chart).
    expect(STATUS_INFO.completed_with_errors.tone).toBe("caution");
    expect(STATUS_INFO.completed_with_warnings.tone).toBe("warning");
    expect(STATUS_INFO.completed.tone).toBe("success");
  });
});

describe("statusTone", () => {
  it("follows the server's colour where it names one, and the kind's tone otherwise", () => {
    expect(statusTone("unknown", "redspan")).toBe("danger");
    expect(statusTone("running", "greenspan")).toBe("info");
    expect(statusTone("killed", "black")).toBe("danger");
    expect(statusTone("completed", null)).toBe("success");
    expect(statusTone("unknown", "plaid")).toBe("neutral");
  });
});
