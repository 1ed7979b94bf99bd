// Conformance: Commvault's own Python SDK, replayed call for call (./replay.ts), against a running simulator
// over HTTP, as the admin, the operator and the viewer. Each step passes only where the SDK's own checks pass;
// where the SDK would raise, the replay raises the same error.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../http/server";
import { OPERATOR_GROUP_NAMES, OPERATOR_VIEW_ONLY_GROUP_NAMES } from "../model/access";
import { admin, startTestSimulator } from "../testing";
import { pythonJson } from "./python-json";
import { Commcell, type Job, JobController, type ListedJob, SdkError } from "./replay";

const PASSWORDS = { admin: "admin", operator: "op-secret", viewer: "view-secret" } as const;
type User = keyof typeof PASSWORDS;

let sim: RunningSimulator;
/** The SDK's sleeps pass on the simulator's clock: its waits cost no real time. */
const simulatedSleep = async (seconds: number) => {
  await admin(sim, "POST", "clock/advance", { seconds });
};
const noSleep = async () => {};
const webServiceUrl = () => sim.url.replace(/\/$/, "");
const connect = (user: User, sleep = simulatedSleep) =>
  Commcell.connect({ webServiceUrl: webServiceUrl(), username: user, password: PASSWORDS[user], sleep });

beforeAll(async () => {
  sim = await startTestSimulator({ operatorPassword: PASSWORDS.operator, viewerPassword: PASSWORDS.viewer });
});
afterAll(() => sim.close());

const FINISHED = ["completed", "killed", "committed", "failed"];
const finishedInSdkTerms = (status: string) => FINISHED.some((word) => status.toLowerCase().includes(word));

/** A job of the list with this status whose job type is a backup (the SDK's basic summary). */
function pick(jobs: Map<number, ListedJob>, test: (job: ListedJob) => boolean): number {
  const found = [...jobs].find(([, job]) => test(job));
  if (!found) throw new Error("no such job in the list");
  return found[0];
}

async function runningBackup(commcell: Commcell, clientGroups?: readonly string[]): Promise<number> {
  const active = await commcell.jobController.activeJobs(1, 1000);
  if (!clientGroups) return pick(active, (job) => job.status === "Running" && job.jobType === "Backup");
  // The basic list has no groups: the SDK's full summary (job_summary="full") does; read it per job.
  for (const [id, job] of active) {
    if (job.status !== "Running" || job.jobType !== "Backup") continue;
    const { response } = await commcell.makeRequest("GET", `Job/${id}`);
    const summary = (
      response.json() as { jobs: { jobSummary: { clientGroups?: { clientGroupName: string }[] } }[] }
    ).jobs[0]?.jobSummary;
    if (summary?.clientGroups?.some((group) => clientGroups.includes(group.clientGroupName))) return id;
  }
  throw new Error(`no running backup in ${clientGroups.join(", ")}`);
}

describe("Commcell(...) as cvpysdk constructs it", () => {
  it("checks that the root answers 200, then signs in; nothing else is called", async () => {
    const commcell = await connect("admin");
    const root = new URL(sim.url).pathname;
    expect(commcell.sent.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${root}`, `POST ${root}Login`]);
    expect(commcell.sent[0]?.headers.Authtoken).toBeUndefined();
    expect(commcell.sent[1]?.body).toBe(
      pythonJson({
        mode: 4,
        username: "admin",
        password: Buffer.from("admin").toString("base64"),
        deviceId: "conformance.test.local",
        clientType: 30,
      }),
    );
    expect(commcell.headers.Authtoken).toMatch(/^QSDK /);
    await commcell.logout();
  });

  it("connects with a web service URL that ends in a slash (the SDK then writes two)", async () => {
    const commcell = await Commcell.connect({
      webServiceUrl: sim.url,
      username: "admin",
      password: "admin",
      sleep: noSleep,
    });
    expect(commcell.sent[0]?.path).toMatch(/\/\/$/);
    expect((await commcell.jobController.allJobs(5)).size).toBeGreaterThan(0);
    await commcell.logout();
  });

  it("raises the SDK's sign-in error, in the CommCell's words, for a wrong password", async () => {
    const attempt = Commcell.connect({
      webServiceUrl: webServiceUrl(),
      username: "operator",
      password: "wrong",
      sleep: noSleep,
    });
    await expect(attempt).rejects.toThrow('CVPySDK 101: Error: "Invalid Username or Password"');
  });
});

describe("cvpysdk as the admin", () => {
  let commcell: Commcell;
  beforeAll(async () => {
    commcell = await connect("admin");
  });
  afterAll(() => commcell.logout());

  it("lists active, finished and all jobs through POST Jobs with the SDK's body", async () => {
    const controller = commcell.jobController;
    const active = await controller.activeJobs();
    const finished = await controller.finishedJobs();
    const all = await controller.allJobs();
    expect(commcell.sent.at(-1)?.body).toBe(
      pythonJson(JobController.requestJson({ category: "ALL", lookupHours: 5 })),
    );
    expect(commcell.sent.at(-1)?.headers["Content-type"]).toBe("application/json");
    for (const list of [active, finished, all]) {
      expect(list.size).toBeGreaterThan(0);
      expect(list.size).toBeLessThanOrEqual(20);
    }
    expect([...active.values()].every((job) => !finishedInSdkTerms(job.status))).toBe(true);
    expect([...finished.values()].every((job) => finishedInSdkTerms(job.status))).toBe(true);
    for (const job of all.values()) {
      expect(typeof job.clientName).toBe("string");
      expect(typeof job.percentComplete).toBe("number");
    }
  });

  it("opens a finished job as Job(...) does and reads every property the SDK has", async () => {
    const finished = await commcell.jobController.finishedJobs(24, 1000);
    const id = pick(finished, (job) => job.status === "Completed" && job.jobType === "Backup");
    const before = commcell.sent.length;
    const job = await commcell.job(id);
    const root = new URL(sim.url).pathname;
    expect(commcell.sent.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
      `GET ${root}Job/${id}`,
      `GET ${root}Job/${id}`,
      `POST ${root}JobDetails`,
      `GET ${root}Job/${id}`,
      `POST ${root}JobDetails`,
    ]);
    const properties = job.properties();
    const listed = finished.get(id);
    expect(properties.clientName).toBe(listed?.clientName);
    for (const name of ["agentName", "instanceName", "backupsetName", "subclientName", "username"] as const)
      expect(typeof properties[name], name).toBe("string");
    expect(properties.jobType).toBe("Backup");
    expect(properties.state).toBe("Completed");
    // JobDetails carries numbers as strings (sample 11).
    expect(properties.numOfFilesTransferred).toMatch(/^\d+$/);
    expect(job.endTimestamp()).toBeGreaterThan(properties.startTimestamp);
    expect(job.endTime).not.toBeNull();
    const events = await job.getEvents();
    expect(events.map((event) => event.jobId)).toEqual(events.map(() => id));
    expect(events.some((event) => /completed/i.test(String(event.description)))).toBe(true);
  });

  it("reads a running job, whose summary has no jobEndTime, as a real CommCell's", async () => {
    const job = await commcell.job(await runningBackup(commcell));
    expect(await job.isFinished()).toBe(false);
    // The SDK's end_timestamp indexes jobEndTime; on a running job of a real CommCell (samples 01, 02) that
    // key is absent, so the SDK raises there too.
    expect(() => job.endTimestamp()).toThrow(SdkError);
    expect(job.properties().phase).not.toBe("");
  });

  it("suspends, resumes and kills a running job with the SDK's waits, through the pending states", async () => {
    const job = await commcell.job(await runningBackup(commcell));
    const start = (await admin(sim, "GET", "state")).json as { now: number };
    await job.pause(true);
    expect(job.status).toBe("Suspended");
    const suspended = (await admin(sim, "GET", "state")).json as { now: number };
    // Through "Suspend Pending" for about ten seconds, as the reference's event log shows.
    expect(suspended.now - start.now).toBeGreaterThanOrEqual(9);
    await job.resume(true);
    expect(job.status).toBe("Running");
    await job.kill(true);
    expect(job.status).toBe("Killed");
    const events = (await job.getEvents()).map((event) => String(event.description));
    for (const words of [/Stop request pending/, /suspended by user admin/, /resumed by user admin/]) {
      expect(
        events.some((text) => words.test(text)),
        String(words),
      ).toBe(true);
    }
    expect(events.some((text) => /Kill request pending/.test(text))).toBe(true);
    expect(events.some((text) => /killed by admin/.test(text))).toBe(true);
    // The actions went out as the SDK sends them: a POST with no body, marked as XML.
    const kill = commcell.sent.find((r) => r.path.endsWith(`/Job/${job.jobId}/action/kill`));
    expect(kill?.headers["Content-type"]).toBe("application/xml");
    expect(kill?.headers["Content-Length"]).toBe("0");
  });

  it("resubmits a failed job: the new job has the old one's client, subclient and level", async () => {
    const finished = await commcell.jobController.finishedJobs(24 * 30, 5000);
    const id = pick(finished, (job) => job.status === "Failed" && job.jobType === "Backup");
    const old = await commcell.job(id);
    const fresh = await old.resubmit();
    expect(Number(fresh.jobId)).not.toBe(id);
    expect(fresh.properties().clientName).toBe(old.properties().clientName);
    expect(fresh.properties().subclientName).toBe(old.properties().subclientName);
    expect(fresh.properties().backupLevel).toBe(old.properties().backupLevel);
    expect(await fresh.isFinished()).toBe(false);
    // The SDK refuses a running job itself, before any call...
    await expect(fresh.resubmit()).rejects.toThrow("Cannot resubmit the Job, the Job is still running");
    // ...and the CommCell refuses it too when asked directly.
    const { response } = await commcell.makeRequest("POST", `Job/${fresh.jobId}/action/Resubmit`);
    expect((response.json() as { errorCode: number }).errorCode).not.toBe(0);
  });

  it("logs out, and the token is gone for good", async () => {
    const other = await connect("admin", noSleep);
    const token = other.headers.Authtoken ?? null;
    expect(await other.logout()).toBe("User logged out");
    // Without a token the SDK sends none: a 401, which it reports as a failed response.
    await expect(other.jobController.allJobs()).rejects.toThrow("Response 101");
    // With the old token, the SDK renews it on the 401; the CommCell refuses a signed-out token, three times.
    other.headers.Authtoken = token;
    await expect(other.jobController.allJobs()).rejects.toThrow("CVPySDK 103");
  });
});

describe("cvpysdk as the operator", () => {
  let commcell: Commcell;
  beforeAll(async () => {
    commcell = await connect("operator");
  });
  afterAll(() => commcell.logout());

  it("lists only the jobs of the operator's client groups, and acts on them", async () => {
    const adminView = await connect("admin", noSleep);
    const everyone = await adminView.jobController.allJobs(24 * 30, 100_000);
    const mine = await commcell.jobController.allJobs(24 * 30, 100_000);
    expect(mine.size).toBeGreaterThan(0);
    expect(mine.size).toBeLessThan(everyone.size);
    const job = await commcell.job(await runningBackup(commcell, OPERATOR_GROUP_NAMES));
    await job.pause(true);
    expect(job.status).toBe("Suspended");
    await job.resume(true);
    expect(job.status).toBe("Running");

    // A group the operator may see but not manage: the CommCell refuses, the SDK raises its words.
    const viewOnly = await commcell.job(await runningBackup(commcell, OPERATOR_VIEW_ONLY_GROUP_NAMES));
    await expect(viewOnly.kill(true)).rejects.toThrow(
      `Job kill failed\nError: "User [operator] does not have the Job Management permission on job [${viewOnly.jobId}]."`,
    );
    expect(await viewOnly.currentStatus()).toBe("Running");

    // Another group's job does not exist for the operator: the SDK retries, then says so.
    const notMine = [...everyone.keys()].find((id) => !mine.has(id));
    expect(notMine).toBeDefined();
    const patient = await connect("operator", noSleep);
    await expect(patient.job(notMine ?? 0)).rejects.toThrow(
      `No job exists with the specified Job ID: ${notMine}`,
    );
    await patient.logout();
    await adminView.logout();
  });
});

describe("cvpysdk as the viewer", () => {
  let commcell: Commcell;
  let running: Job;
  beforeAll(async () => {
    commcell = await connect("viewer");
    running = await commcell.job(await runningBackup(commcell));
  });
  afterAll(() => commcell.logout());

  it("sees every job", async () => {
    const adminView = await connect("admin", noSleep);
    const everyone = await adminView.jobController.allJobs(24 * 30, 100_000);
    expect((await commcell.jobController.allJobs(24 * 30, 100_000)).size).toBe(everyone.size);
    await adminView.logout();
    expect((await running.getEvents()).length).toBeGreaterThan(0);
  });

  it("is refused every action, with the CommCell's words in the SDK's error, and nothing changes", async () => {
    const words = `Error: "User [viewer] does not have the Job Management permission on job [${running.jobId}]."`;
    await expect(running.pause(true)).rejects.toThrow(`Job suspend failed\n${words}`);
    await expect(running.kill(true)).rejects.toThrow(`Job kill failed\n${words}`);
    await expect(running.resume()).rejects.toThrow(`Job resume failed\n${words}`);
    expect(await running.currentStatus()).toBe("Running");
    const finished = await commcell.jobController.finishedJobs(24, 1000);
    const failed = await commcell.job(pick(finished, (job) => finishedInSdkTerms(job.status)));
    await expect(failed.resubmit()).rejects.toThrow("Resubmitting job failed");
  });
});
