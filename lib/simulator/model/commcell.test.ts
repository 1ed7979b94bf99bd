import { describe, expect, it } from "vitest";
import { SimulatedCommCell } from "./commcell";

const DAY = 86_400;
const START = Date.UTC(2026, 10, 23, 22, 0) / 1000;
const everything = {
  category: "all",
  kinds: null,
  clientId: null,
  lookupSeconds: 365 * DAY,
  offset: 0,
  limit: 1_000_000,
} as const;

function commcell(seed = 42, startAt = START, jobsPerYear = 20_000) {
  let real = 0;
  const cc = new SimulatedCommCell({
    seed,
    jobsPerYear,
    clients: 60,
    timeWarp: 60,
    startAt,
    realClock: () => real,
  });
  return { cc, tick: (ms: number) => (real += ms) };
}

describe("the simulated CommCell", () => {
  it("gives the same history for the same seed", () => {
    // Determinism needs no volume: a small estate's year shows it as well as a large one.
    const a = commcell(42, START, 3000).cc.listJobs(everything);
    const b = commcell(42, START, 3000).cc.listJobs(everything);
    expect(a.total).toBe(b.total);
    expect(a.jobs.map((j) => [j.plan.id, j.state.status, j.state.appBytes])).toEqual(
      b.jobs.map((j) => [j.plan.id, j.state.status, j.state.appBytes]),
    );
    const other = commcell(7, START, 3000).cc.listJobs(everything);
    expect(other.jobs.map((j) => j.state.appBytes)).not.toEqual(a.jobs.map((j) => j.state.appBytes));
  });

  it("keeps a day's jobs and ids whenever it is started", () => {
    const early = commcell(42, START).cc;
    const late = commcell(42, START + 5 * DAY).cc;
    const day = Math.floor(START / DAY) - 3;
    const inDay = (cc: SimulatedCommCell) =>
      cc
        .listJobs(everything)
        .jobs.filter((j) => Math.floor(j.plan.start / DAY) === day)
        .map((j) => [j.plan.id, j.plan.kind, j.plan.start, j.plan.outcome]);
    expect(inDay(early).length).toBeGreaterThan(5);
    expect(inDay(late)).toEqual(inDay(early));
  });

  it("holds about a year of jobs, newest first with ids rising in start order", () => {
    const { jobs, total } = commcell().cc.listJobs(everything);
    expect(total).toBeGreaterThan(18_000);
    expect(total).toBeLessThan(22_500);
    for (let i = 1; i < jobs.length; i++) {
      expect((jobs[i - 1] as { plan: { id: number } }).plan.id).toBeGreaterThan(
        (jobs[i] as { plan: { id: number } }).plan.id,
      );
    }
  });

  it("runs the kinds of jobs a CommCell runs, with every outcome", () => {
    const { jobs } = commcell().cc.listJobs(everything);
    expect(new Set(jobs.map((j) => j.plan.kind))).toEqual(
      new Set(["backup", "restore", "synthfull", "auxcopy", "drbackup", "dataaging", "workflow"]),
    );
    const statuses = new Set(jobs.map((j) => j.state.status));
    for (const status of [
      "Completed",
      "Completed w/ one or more errors",
      "Completed w/ one or more warnings",
      "Failed",
      "Killed",
      "Failed to Start",
    ]) {
      expect(statuses).toContain(status);
    }
  });

  it("moves time: jobs start, progress and finish", () => {
    const { cc, tick } = commcell();
    const active = cc.listJobs({ ...everything, category: "active" }).jobs;
    const running = active.find((j) => j.state.status === "Running");
    expect(running).toBeDefined();
    const id = running?.plan.id as number;
    const before = cc.job(id)?.state.percentComplete ?? 0;
    tick(60_000); // an hour at 60x
    const after = cc.job(id)?.state;
    expect(after && (after.percentComplete > before || !after.active)).toBe(true);
    tick((4 * 24 * 3600_000) / 60);
    expect(cc.job(id)?.state.active).toBe(false);
  });

  it("pauses, resumes and kills jobs for real", () => {
    const { cc, tick } = commcell();
    const running = cc
      .listJobs({ ...everything, category: "active" })
      .jobs.filter((j) => j.state.status === "Running");
    const [one, two] = running;
    if (!one || !two) throw new Error("the test start should have two running jobs");

    expect(cc.pause(one.plan.id)).toEqual({ ok: true });
    // Through Stop request pending, as a real CommCell: 10 simulated seconds (a sixth of a real one here).
    expect(cc.job(one.plan.id)?.state.status).toBe("Suspend Pending");
    expect(cc.pause(one.plan.id)).toEqual({ ok: false, reason: "an action is pending" });
    tick(200);
    const paused = cc.job(one.plan.id)?.state;
    expect(paused?.status).toBe("Suspended");
    tick(10_000);
    expect(cc.job(one.plan.id)?.state.percentComplete).toBe(paused?.percentComplete);
    expect(cc.pause(one.plan.id)).toEqual({ ok: false, reason: "not active" });
    expect(cc.resume(one.plan.id)).toEqual({ ok: true });
    expect(cc.job(one.plan.id)?.state.status).toBe("Running");

    expect(cc.kill(two.plan.id)).toEqual({ ok: true });
    expect(cc.job(two.plan.id)?.state).toMatchObject({ status: "Kill Pending", active: true });
    expect(cc.kill(two.plan.id)).toEqual({ ok: false, reason: "an action is pending" });
    tick(100);
    const killed = cc.job(two.plan.id)?.state;
    expect(killed).toMatchObject({ status: "Killed", active: false });
    expect(killed?.reason?.text).toContain("Killed by admin");
    expect(cc.kill(two.plan.id)).toEqual({ ok: false, reason: "not active" });
    expect(cc.resume(two.plan.id)).toEqual({ ok: false, reason: "not suspended" });
    expect(cc.kill(1)).toEqual({ ok: false, reason: "unknown job" });
  });

  it("resubmits a finished job as a new one that runs, ends, and takes no planned job's id", () => {
    const { cc, tick } = commcell();
    const finished = cc
      .listJobs({ ...everything, category: "finished" })
      .jobs.find((j) => j.state.status === "Failed");
    if (!finished) throw new Error("the test start should have a failed job");
    const result = cc.resubmit(finished.plan.id);
    if (!result.ok) throw new Error(result.reason);
    const again = cc.job(result.jobId);
    expect(again?.state.active).toBe(true);
    expect(again?.plan.subclient).toBe(finished.plan.subclient);
    expect(cc.listJobs({ ...everything, category: "active" }).jobs[0]?.plan.id).toBe(result.jobId);
    const running = cc
      .listJobs({ ...everything, category: "active" })
      .jobs.find((j) => j.plan.id !== result.jobId);
    if (running) expect(cc.resubmit(running.plan.id)).toEqual({ ok: false, reason: "still running" });
    // Days later: it has ended, and the days planned since kept their own ids.
    tick((3 * 86_400_000) / 60);
    expect(cc.job(result.jobId)?.state.active).toBe(false);
    const ids = cc.listJobs(everything).jobs.map((j) => j.plan.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("answers the category, kind, client and lookup filters", () => {
    const { cc } = commcell();
    const all = cc.listJobs(everything);
    const active = cc.listJobs({ ...everything, category: "active" });
    const finished = cc.listJobs({ ...everything, category: "finished" });
    expect(active.total + finished.total).toBe(all.total);
    expect(active.jobs.every((j) => j.state.active)).toBe(true);
    expect(finished.jobs.every((j) => !j.state.active)).toBe(true);

    const restores = cc.listJobs({ ...everything, kinds: new Set(["restore"]) });
    expect(restores.total).toBeGreaterThan(0);
    expect(restores.jobs.every((j) => j.plan.kind === "restore")).toBe(true);

    const clientId = all.jobs.find((j) => j.plan.subclient)?.plan.subclient?.client.id as number;
    const client = cc.listJobs({ ...everything, clientId });
    expect(client.jobs.every((j) => j.plan.subclient?.client.id === clientId)).toBe(true);

    const lastDay = cc.listJobs({ ...everything, lookupSeconds: DAY });
    const now = cc.now();
    expect(lastDay.jobs.every((j) => j.state.active || j.state.end >= now - DAY)).toBe(true);
    expect(lastDay.total).toBeLessThan(all.total / 100);
  });

  it("pages without losing or repeating a job", () => {
    const { cc } = commcell();
    const all = cc.listJobs(everything).jobs.map((j) => j.plan.id);
    const paged: number[] = [];
    for (let offset = 0; offset < all.length; offset += 700) {
      const page = cc.listJobs({ ...everything, offset, limit: 700 });
      expect(page.total).toBe(all.length);
      paged.push(...page.jobs.map((j) => j.plan.id));
    }
    expect(paged).toEqual(all);
    expect(cc.listJobs({ ...everything, offset: all.length + 5, limit: 10 }).jobs).toEqual([]);
  });

  it("has DR backups without client names and restores without a subclient", () => {
    const { jobs } = commcell().cc.listJobs(everything);
    expect(jobs.find((j) => j.plan.kind === "drbackup")?.plan.subclient).toBeNull();
    expect(jobs.find((j) => j.plan.kind === "restore")?.plan.subclient).not.toBeNull();
  });
});

describe("what a stopped job reports", () => {
  it("stops updating while it waits, is pending or suspended", () => {
    const { cc, tick } = commcell();
    const waiting = cc
      .listJobs({ ...everything, category: "active" })
      .jobs.filter((j) => j.state.status !== "Running" && j.state.active);
    for (const job of waiting) expect(job.state.lastUpdate).toBeLessThanOrEqual(cc.now());
    const running = cc
      .listJobs({ ...everything, category: "active" })
      .jobs.find((j) => j.state.status === "Running");
    if (!running) throw new Error("the test start should have a running job");
    cc.pause(running.plan.id);
    // Once the Stop request pending has become a suspension.
    tick(200);
    const pausedAt = cc.job(running.plan.id)?.state.lastUpdate;
    tick(10_000);
    expect(cc.job(running.plan.id)?.state.lastUpdate).toBe(pausedAt);
  });
});
