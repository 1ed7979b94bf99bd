// GET Events as Commvault's SDK reads it (Job.get_events: `commservEvents` must be there), with the events
// the simulator's own life and its actions produce.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { admin, call, signIn, startTestSimulator } from "../testing";
import type { RunningSimulator } from "./server";

let sim: RunningSimulator;
let token: string;
beforeAll(async () => {
  sim = await startTestSimulator();
  token = await signIn(sim);
});
afterAll(() => sim.close());

type Event = {
  severity: number;
  eventCode: string;
  jobId: number;
  eventCodeString: string;
  subsystem: string;
  description: string;
  id: number;
  timeSource: number;
  clientEntity: { clientId: number; clientName: string };
};
async function events(query: string): Promise<Event[]> {
  const answer = await call(sim, "GET", `Events?${query}`, { token, json: true });
  expect(answer.status).toBe(200);
  const body = JSON.parse(answer.body) as { commservEvents?: Event[] };
  expect(body.commservEvents, "commservEvents is always there").toBeDefined();
  return body.commservEvents ?? [];
}
async function jobs(category: string): Promise<{ jobId: number; status: string }[]> {
  const answer = await call(sim, "GET", `Job?jobCategory=${category}&jobFilter=&limit=50`, {
    token,
    json: true,
  });
  return (JSON.parse(answer.body).jobs ?? []).map(
    (j: { jobSummary: { jobId: number; status: string } }) => j.jobSummary,
  );
}

describe("GET Events", () => {
  it("tells a finished job's story, newest first, with the fields the reference lists", async () => {
    const [job] = await jobs("Finished");
    const log = await events(`jobId=${job?.jobId}`);
    expect(log.length).toBeGreaterThanOrEqual(2);
    expect(log.every((e) => e.jobId === job?.jobId && e.subsystem === "JobManager")).toBe(true);
    expect(log.at(-1)?.description).toMatch(/started/);
    expect(log[0]?.description).toContain(`ended: ${job?.status}`);
    const times = log.map((e) => e.timeSource);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    for (const e of log) {
      expect(typeof e.eventCode).toBe("string");
      const [subsystem, code] = e.eventCodeString.split(":").map(Number);
      expect(Number(e.eventCode)).toBe((subsystem ?? 0) * 2 ** 24 + (code ?? 0));
    }
  });

  it("records a kill and a suspension as a CommCell logs them", async () => {
    const [one, two] = (await jobs("Active")).filter((j) => j.status !== "Suspended");
    expect(two).toBeDefined();
    await call(sim, "POST", `Job/${one?.jobId}/action/kill`, { token, json: true });
    await call(sim, "POST", `Job/${two?.jobId}/action/pause`, { token, json: true });
    await admin(sim, "POST", "clock/advance", { seconds: 10 });
    const killed = (await events(`jobId=${one?.jobId}`)).map((e) => [e.eventCodeString, e.description]);
    expect(killed).toContainEqual(["19:182", `Kill request pending for job [${one?.jobId}].`]);
    expect(killed.map(([, text]) => text)).toContain(`Job [${one?.jobId}] has been killed by admin.`);
    const paused = (await events(`jobId=${two?.jobId}`)).map((e) => [e.eventCodeString, e.description]);
    expect(paused).toContainEqual(["19:183", `Stop request pending for job [${two?.jobId}].`]);
    expect(paused.map(([, text]) => text)).toContain(`Job [${two?.jobId}] has been suspended by user admin.`);
    await call(sim, "POST", `Job/${two?.jobId}/action/resume`, { token, json: true });
  });

  it("bounds an unfiltered log, honours fromTime and toTime, and refuses a bad time", async () => {
    const all = await events("");
    expect(all.length).toBeGreaterThan(0);
    expect(all.length).toBeLessThanOrEqual(100);
    const newest = all[0]?.timeSource ?? 0;
    const recent = await events(`fromTime=${newest}`);
    expect(recent.every((e) => e.timeSource >= newest)).toBe(true);
    expect(await events("toTime=1")).toEqual([]);
    expect((await call(sim, "GET", "Events?fromTime=yesterday", { token, json: true })).status).toBe(400);
    expect((await call(sim, "GET", "Events?jobId=1", { json: true })).status).toBe(401);
  });
});

describe("POST Job/{id}/action/Resubmit", () => {
  it("starts a finished job again as a new job with the same client, subclient and level", async () => {
    const [finished] = await jobs("Finished");
    const answer = await call(sim, "POST", `Job/${finished?.jobId}/Action/Resubmit`, { token, json: true });
    expect(answer.status).toBe(200);
    const { jobIds } = JSON.parse(answer.body) as { jobIds: string[] };
    expect(jobIds).toHaveLength(1);
    const summary = async (id: unknown) =>
      JSON.parse((await call(sim, "GET", `Job/${id}`, { token, json: true })).body).jobs[0].jobSummary;
    const [before, after] = [await summary(finished?.jobId), await summary(jobIds[0])];
    expect(after.jobId).toBe(Number(jobIds[0]));
    expect(after.jobId).not.toBe(before.jobId);
    for (const key of ["clientName", "subclientName", "appName", "backupsetName"])
      expect(after.subclient?.[key], key).toBe(before.subclient?.[key]);
    expect(after.backupLevelName).toBe(before.backupLevelName);
    expect(["Running", "Waiting"]).toContain(after.status);
    // It is listed, newest first, and its log says it started.
    const [newest] = await jobs("Active");
    expect(newest?.jobId).toBe(after.jobId);
    expect((await events(`jobId=${after.jobId}`)).at(-1)?.description).toMatch(/started/);
  });

  it("refuses a job that is still running, in the CommCell's words, and any case of the path", async () => {
    const [running] = (await jobs("Active")).filter((j) => j.status === "Running");
    const refused = await call(sim, "POST", `job/${running?.jobId}/action/resubmit`, { token, json: true });
    expect(refused.status).toBe(200);
    expect(JSON.parse(refused.body)).toMatchObject({ errorCode: 1 });
    expect(JSON.parse(refused.body).errorMessage).toContain("still running");
  });
});

describe("POST Jobs/MultiJobOperation", () => {
  const operation = (operationType: number, ids: readonly number[]) =>
    call(sim, "POST", "Jobs/MultiJobOperation", {
      token,
      json: true,
      body: {
        message: 1,
        jobOpReq: { operationType, jobs: ids.map((jobId) => ({ jobId })) },
        operationDescription: "test",
      },
    });

  it("suspends and resumes several jobs at once, and says which it could not act on", async () => {
    const [a, b] = (await jobs("Active")).filter((j) => j.status === "Running");
    const [done] = await jobs("Finished");
    const ids = [a?.jobId ?? 0, b?.jobId ?? 0];
    expect(JSON.parse((await operation(0, ids)).body)).toEqual({ errorCode: 0 });
    await admin(sim, "POST", "clock/advance", { seconds: 10 });
    const statuses = async () =>
      (await jobs("Active")).filter((j) => ids.includes(j.jobId)).map((j) => j.status);
    expect(await statuses()).toEqual(["Suspended", "Suspended"]);
    const mixed = JSON.parse((await operation(1, [...ids, done?.jobId ?? 0])).body);
    expect(mixed.errors[0].errList).toEqual([
      { errorCode: 1, errLogMessage: `Job [${done?.jobId}]: not suspended.` },
    ]);
    expect(await statuses()).toEqual(["Running", "Running"]);
  });

  it("refuses an operation or a job list it cannot read", async () => {
    expect((await operation(9, [1])).status).toBe(400);
    expect((await operation(0, [])).status).toBe(400);
  });
});
