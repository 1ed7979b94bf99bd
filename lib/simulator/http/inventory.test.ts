// The subclient inventory against the job history: what coverage is computed from.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, signIn, startTestSimulator } from "../testing";
import type { RunningSimulator } from "./server";

let sim: RunningSimulator;
let token: string;
let operator: string;
beforeAll(async () => {
  sim = await startTestSimulator();
  token = await signIn(sim);
  operator = await signIn(sim, "operator", "operator");
});
afterAll(() => sim.close());

type Sub = {
  subClientEntity: { clientId: number; subclientId: number; subclientName: string };
  commonProperties: {
    lastBackupTime: number;
    lastBackupSize: number;
    nextBackupTime: number;
    enableBackup: boolean;
  };
};
const get = async (path: string, who = token) => call(sim, "GET", path, { token: who, json: true });
async function subclients(clientId: number, who = token): Promise<Sub[]> {
  return JSON.parse((await get(`Subclient?clientId=${clientId}`, who)).body).subClientProperties;
}
/** A client with subclients (the CommServe's own entry has none). */
async function aClient(who = token): Promise<number> {
  for (const id of await clientIds(who)) if ((await subclients(id, who)).length > 0) return id;
  throw new Error("no client with subclients");
}
async function clientIds(who = token): Promise<number[]> {
  return JSON.parse((await get("Client", who)).body).clientProperties.map(
    (c: { client: { clientEntity: { clientId: number } } }) => c.client.clientEntity.clientId,
  );
}

describe("GET Subclient", () => {
  it("agrees with the job history: the last good backup is the newest successful backup job", async () => {
    const clientId = await aClient();
    const subs = await subclients(clientId);
    expect(subs.length).toBeGreaterThan(0);
    const jobs = JSON.parse(
      (
        await get(
          `Job?clientId=${clientId}&jobCategory=Finished&jobFilter=Backup&completedJobLookupTime=31622400&limit=100000`,
        )
      ).body,
    ).jobs.map((j: { jobSummary: Record<string, never> }) => j.jobSummary);
    for (const sub of subs.filter((s) => s.commonProperties.lastBackupTime > 0)) {
      const last = jobs.find(
        (job: { subclient: { subclientId: number }; status: string }) =>
          job.subclient.subclientId === sub.subClientEntity.subclientId && job.status.startsWith("Completed"),
      );
      expect(sub.commonProperties.lastBackupTime).toBe(last.jobEndTime);
    }
  });

  it("has subclients that never ran and some with backup disabled, neither with any backup job", async () => {
    const all = (await Promise.all((await clientIds()).map((id) => subclients(id)))).flat();
    const disabled = all.filter((s) => !s.commonProperties.enableBackup);
    const never = all.filter(
      (s) => s.commonProperties.enableBackup && s.commonProperties.nextBackupTime === 0,
    );
    expect(disabled.length).toBeGreaterThan(0);
    expect(never.length).toBeGreaterThan(0);
    for (const sub of [...disabled, ...never]) expect(sub.commonProperties.lastBackupTime).toBe(0);
    const scheduled = all.filter((s) => s.commonProperties.nextBackupTime > 0);
    expect(scheduled.every((s) => s.commonProperties.nextBackupTime > sim.commcell.now())).toBe(true);
    // Clients going quiet: some scheduled subclients' last good backup is days old.
    const daysOld = scheduled.filter(
      (s) => sim.commcell.now() - s.commonProperties.lastBackupTime > 2 * 86_400,
    );
    expect(daysOld.length).toBeGreaterThan(0);
  });

  it("answers one subclient by id, 404 for none, and only what the user may see", async () => {
    const [sub] = await subclients(await aClient());
    const one = JSON.parse(
      (await get(`Subclient/${sub?.subClientEntity.subclientId}`)).body,
    ).subClientProperties;
    expect(one).toEqual([sub]);
    expect((await get("Subclient/99999999")).status).toBe(404);
    expect((await get("Subclient")).status).toBe(400);
    const mine = await clientIds(operator);
    const other = (await clientIds()).find((id) => !mine.includes(id));
    expect(await subclients(other ?? 0, operator)).toEqual([]);
    expect((await subclients(await aClient(operator), operator)).length).toBeGreaterThan(0);
  });
});
