// The dashboard's parser on what the simulator sends, in both formats: every job is read, every status
// and job type the simulator uses is in the dashboard's vocabulary, and XML and JSON give the same jobs.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "@/lib/simulator/http/server";
import { call, signIn, startTestSimulator } from "@/lib/simulator/testing";
import { parseJobList } from "./parse-job-list";

let sim: RunningSimulator;
let token: string;

beforeAll(async () => {
  sim = await startTestSimulator();
  token = await signIn(sim);
});
afterAll(() => sim.close());

describe("parseJobList on the simulator's answers", () => {
  it("reads XML and JSON of the same jobs alike", async () => {
    const path = "Job?jobFilter=&completedJobLookupTime=2592000&limit=100000";
    const xml = await call(sim, "GET", path, { token });
    const json = await call(sim, "GET", path, { token, json: true });
    const fromXml = parseJobList(xml.body, xml.headers.get("content-type"));
    const fromJson = parseJobList(json.body, json.headers.get("content-type"));
    expect(fromXml.jobs.length).toBeGreaterThan(1000);
    expect(fromXml.dropped).toEqual({ hidden: 0, unreadable: 0 });
    expect(fromXml.total).toBe(fromJson.total);
    // XML carries the level as a word and percentages with six decimals; everything else reads the same.
    const comparable = (list: typeof fromXml) =>
      list.jobs.map(({ backupLevel, percentSavings, ...job }) => ({
        ...job,
        level: backupLevel?.kind,
        savings: percentSavings?.toFixed(4),
      }));
    expect(comparable(fromXml)).toEqual(comparable(fromJson));
  });

  it("uses only statuses, job types and levels the dashboard knows, besides named workflows", async () => {
    const json = await call(sim, "GET", "Job?jobFilter=&limit=100000", { token, json: true });
    const { jobs } = parseJobList(json.body);
    expect(jobs.filter((job) => job.statusKind === "unknown")).toEqual([]);
    const unknownTypes = jobs.filter((job) => job.typeKey === "unknown").map((job) => job.operation);
    expect(new Set(unknownTypes)).toEqual(
      new Set(["New Machine Request", "Tape Export Approval", "Quarterly Restore Test"]),
    );
    expect(jobs.filter((job) => job.backupLevel?.kind === "unknown")).toEqual([]);
  });

  it("splits the simulator's pending reasons into parts with their source", async () => {
    const json = await call(sim, "GET", "Job?jobFilter=&limit=100000", { token, json: true });
    const reasons = parseJobList(json.body).jobs.flatMap((job) => job.pendingReason?.reasons ?? []);
    expect(reasons.length).toBeGreaterThan(10);
    expect(
      reasons.every((reason) => reason.source !== null && reason.process !== null && reason.message !== ""),
    ).toBe(true);
  });
});
