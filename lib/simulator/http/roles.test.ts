// Users with roles, over HTTP: what the operator and the viewer see, and how the CommCell refuses them.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mayControl, OPERATOR_GROUP_NAMES } from "../model/access";
import { admin, call, signIn, startTestSimulator } from "../testing";
import type { RunningSimulator } from "./server";

let sim: RunningSimulator;
const tokens: Record<string, string> = {};
beforeAll(async () => {
  sim = await startTestSimulator({ operatorPassword: "op-secret", viewerPassword: "view-secret" });
  tokens.admin = await signIn(sim);
  tokens.operator = await signIn(sim, "operator", "op-secret");
  tokens.viewer = await signIn(sim, "viewer", "view-secret");
});
afterAll(() => sim.close());

type Summary = {
  jobId: number;
  status: string;
  subclient?: { clientId: number };
  clientGroups?: { clientGroupId: number; clientGroupName: string }[];
};
/** A job on a client of the groups the operator has Job Management on. */
const managed = (job: Summary) =>
  job.clientGroups?.some((group) => OPERATOR_GROUP_NAMES.includes(group.clientGroupName)) === true;
async function jobs(user: string, query = "jobCategory=All&jobFilter=&limit=100000"): Promise<Summary[]> {
  const answer = await call(sim, "GET", `Job?${query}`, { token: tokens[user], json: true });
  return (JSON.parse(answer.body).jobs ?? []).map((j: { jobSummary: Summary }) => j.jobSummary);
}
const act = async (user: string, id: number, action: string) =>
  JSON.parse(
    (await call(sim, "POST", `Job/${id}/action/${action}`, { token: tokens[user], json: true })).body,
  );

describe("users with roles", () => {
  it("signs each role in with its own password, and refuses the wrong one", async () => {
    expect(
      (
        await call(sim, "POST", "Login", {
          json: true,
          body: { username: "operator", password: Buffer.from("operator").toString("base64") },
        })
      ).body,
    ).toContain("Invalid Username or Password");
  });

  it("shows the operator only the jobs and clients of its client groups", async () => {
    const all = await jobs("admin");
    const mine = await jobs("operator");
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    const clients = JSON.parse(
      (await call(sim, "GET", "Client", { token: tokens.operator, json: true })).body,
    ).clientProperties.map(
      (c: { client: { clientEntity: { clientId: number } } }) => c.client.clientEntity.clientId,
    );
    const allClients = JSON.parse(
      (await call(sim, "GET", "Client", { token: tokens.admin, json: true })).body,
    ).clientProperties;
    expect(clients.length).toBeLessThan(allClients.length);
    expect(mine.every((job) => clients.includes(job.subclient?.clientId))).toBe(true);
    // A job of another group does not exist for the operator, in the list, by id, or to act on.
    const hidden = all.find((job) => !mine.some((m) => m.jobId === job.jobId));
    const byId = JSON.parse(
      (await call(sim, "GET", `Job/${hidden?.jobId}`, { token: tokens.operator, json: true })).body,
    );
    expect(byId.jobs ?? []).toEqual([]);
    expect((await act("operator", hidden?.jobId ?? 0, "kill")).errorMessage).toContain("unknown job");
  });

  it("lets the operator act on its own groups' jobs", async () => {
    const running = (await jobs("operator", "jobCategory=Active&jobFilter=")).find(
      (job) => job.status === "Running" && managed(job),
    );
    expect(running).toBeDefined();
    expect(await act("operator", running?.jobId ?? 0, "pause")).toEqual({});
    await admin(sim, "POST", "clock/advance", { seconds: 10 });
    expect(await act("operator", running?.jobId ?? 0, "resume")).toEqual({});
  });

  it("shows the operator a group it may only view, and refuses its actions there in the CommCell's words", async () => {
    const viewOnly = (await jobs("operator", "jobCategory=Active&jobFilter=")).find(
      (job) => job.status === "Running" && !managed(job),
    );
    expect(viewOnly).toBeDefined();
    const refusal = await act("operator", viewOnly?.jobId ?? 0, "pause");
    expect(refusal.errors[0].errList[0]).toEqual({
      errorCode: 5,
      errLogMessage: `User [operator] does not have the Job Management permission on job [${viewOnly?.jobId}].`,
    });
  });

  it("shows the viewer every job and refuses every action in the CommCell's words", async () => {
    expect((await jobs("viewer")).length).toBe((await jobs("admin")).length);
    const [running] = (await jobs("viewer", "jobCategory=Active&jobFilter=")).filter(
      (job) => job.status === "Running",
    );
    const refusal = await act("viewer", running?.jobId ?? 0, "kill");
    expect(refusal.errors[0].errList[0]).toEqual({
      errorCode: 5,
      errLogMessage: `User [viewer] does not have the Job Management permission on job [${running?.jobId}].`,
    });
    const [finished] = await jobs("viewer", "jobCategory=Finished&jobFilter=&limit=1");
    expect((await act("viewer", finished?.jobId ?? 0, "Resubmit")).errors[0].errList[0].errorCode).toBe(5);
    const several = JSON.parse(
      (
        await call(sim, "POST", "Jobs/MultiJobOperation", {
          token: tokens.viewer,
          json: true,
          body: { message: 1, jobOpReq: { operationType: 0, jobs: [{ jobId: running?.jobId }] } },
        })
      ).body,
    );
    expect(several.errors[0].errList[0].errorCode).toBe(5);
    const status = (await jobs("admin", "jobCategory=Active&jobFilter=")).find(
      (j) => j.jobId === running?.jobId,
    )?.status;
    expect(status).toBe("Running");
  });

  it("acts on none of several jobs when the user may not act on one of them", async () => {
    const mine = (await jobs("operator", "jobCategory=Active&jobFilter=")).filter(
      (j) => j.status === "Running" && managed(j),
    );
    const visible = await jobs("operator", "jobCategory=Active&jobFilter=");
    const theirs = (await jobs("admin", "jobCategory=Active&jobFilter=")).find(
      (job) => job.status === "Running" && !visible.some((m) => m.jobId === job.jobId),
    );
    const ids = [mine[0]?.jobId, theirs?.jobId];
    const answer = JSON.parse(
      (
        await call(sim, "POST", "Jobs/MultiJobOperation", {
          token: tokens.operator,
          json: true,
          body: { message: 1, jobOpReq: { operationType: 2, jobs: ids.map((jobId) => ({ jobId })) } },
        })
      ).body,
    );
    // The other group's job is not theirs to see: not found, and the whole operation refused.
    expect(answer.errors[0].errList.map((e: { errorCode: number }) => e.errorCode)).toEqual([2]);
    const after = await jobs("admin", "jobCategory=Active&jobFilter=");
    expect(after.find((j) => j.jobId === mine[0]?.jobId)?.status).toBe("Running");
  });

  it("lets whoever started a job control it, whatever their role", () => {
    const job = { plan: { userName: "Viewer", subclient: null } } as never;
    expect(
      mayControl(
        { user: "viewer", role: "viewer", visibleClients: new Set(), managedClients: new Set() },
        job,
      ),
    ).toBe(true);
    expect(
      mayControl({ user: "viewer", role: "viewer", visibleClients: null, managedClients: new Set() }, {
        plan: { userName: "admin", subclient: null },
      } as never),
    ).toBe(false);
  });
});
