import { describe, expect, it } from "vitest";
import {
  ACTION_INFO,
  ACTIONS_BY_STATUS,
  actionSettled,
  actionsFor,
  JOB_ACTIONS,
  needsTypedCount,
  previewAction,
  TYPED_CONFIRMATION_ABOVE,
  whyNot,
} from "./actions";
import { STATUS_INFO, STATUS_KINDS, type StatusKind } from "./statuses";

const job = (id: number, statusKind: StatusKind) => ({
  id,
  statusKind,
  status: STATUS_INFO[statusKind].text,
  active: STATUS_INFO[statusKind].active,
});

describe("which action fits which status", () => {
  it("places every status kind, and offers each action only where the issue says", () => {
    expect(Object.keys(ACTIONS_BY_STATUS).sort()).toEqual([...STATUS_KINDS].sort());
    expect(actionsFor(job(1, "running"))).toEqual(["suspend", "kill"]);
    for (const kind of ["suspended", "pending", "waiting", "queued"] as const)
      expect(actionsFor(job(1, kind)), kind).toEqual(["resume", "kill"]);
    for (const kind of [
      "failed",
      "failed_to_start",
      "killed",
      "completed_with_errors",
      "interrupted",
    ] as const)
      expect(actionsFor(job(1, kind)), kind).toEqual(["resubmit"]);
    for (const kind of ["completed", "committed", "kill_pending", "suspend_pending", "unknown"] as const)
      expect(actionsFor(job(1, kind)), kind).toEqual([]);
  });

  it("offers no action on a finished job except resubmit, and never resubmits an active one", () => {
    for (const kind of STATUS_KINDS) {
      const actions = actionsFor(job(1, kind)) as readonly string[];
      if (STATUS_INFO[kind].active) expect(actions, kind).not.toContain("resubmit");
      else
        expect(
          actions.filter((action) => action !== "resubmit"),
          kind,
        ).toEqual([]);
    }
  });

  it("says why an action does not apply", () => {
    expect(whyNot("resume", job(1, "running"))).toBe("only a suspended or waiting job is resumed (Running)");
    expect(whyNot("kill", job(1, "kill_pending"))).toBe("a request is already in flight (Kill Pending)");
    expect(whyNot("suspend", job(1, "completed"))).toBe("the job is not running (Completed)");
    expect(whyNot("resubmit", job(1, "completed"))).toContain("only failed, killed");
  });
});

describe("previewAction", () => {
  const jobs = new Map([job(1, "running"), job(2, "suspended"), job(3, "completed")].map((j) => [j.id, j]));

  it("splits a selection into jobs it applies to, jobs it does not (and why), and unknown ids", () => {
    const preview = previewAction("suspend", [1, 2, 3, 4, 1], jobs);
    expect(preview.applicable.map((j) => j.id)).toEqual([1]);
    expect(preview.notApplicable.map(({ job, why }) => [job.id, why])).toEqual([
      [2, "the job is not running (Suspended)"],
      [3, "the job is not running (Completed)"],
    ]);
    expect(preview.unknown).toEqual([4]);
    expect(previewAction("kill", [1, 2, 3], jobs).applicable.map((j) => j.id)).toEqual([1, 2]);
  });
});

describe("confirmation and settling", () => {
  it("asks for the typed count for any kill and for more than ten jobs", () => {
    expect(needsTypedCount("kill", 1)).toBe(true);
    expect(needsTypedCount("suspend", TYPED_CONFIRMATION_ABOVE)).toBe(false);
    expect(needsTypedCount("suspend", TYPED_CONFIRMATION_ABOVE + 1)).toBe(true);
    for (const action of JOB_ACTIONS) expect(needsTypedCount(action, 500)).toBe(true);
  });

  it("follows a job through the pending state to where the action leads", () => {
    expect(actionSettled("suspend", job(1, "suspend_pending"))).toBe(false);
    expect(actionSettled("suspend", job(1, "running"))).toBe(false);
    expect(actionSettled("suspend", job(1, "suspended"))).toBe(true);
    expect(actionSettled("kill", job(1, "kill_pending"))).toBe(false);
    expect(actionSettled("kill", job(1, "killed"))).toBe(true);
    // A job that finished by itself meanwhile has settled too: there is nothing more to wait for.
    expect(actionSettled("suspend", job(1, "completed"))).toBe(true);
    expect(actionSettled("resubmit", job(1, "failed"))).toBe(true);
    expect(ACTION_INFO.resume.final).toBe("running");
  });
});
