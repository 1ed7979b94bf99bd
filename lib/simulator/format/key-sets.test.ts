// Drift check: the keys (and value types) the simulator emits against the real captures in
// ../shared/reference/samples and the seed's XML samples. The simulator may not invent a key, and must
// emit every key the captures show.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningSimulator } from "../http/server";
import { call, signIn, startTestSimulator } from "../testing";

const SHARED = resolve(process.env.SHARED_DIR ?? join(__dirname, "../../../../shared"));
const SAMPLES = join(SHARED, "reference/samples");
const SEED = join(SHARED, "seed/commvault-get-job-api.txt");
const present = existsSync(SAMPLES) && existsSync(SEED);
if (!present)
  console.warn(`key-sets: skipped, no samples at ${SAMPLES} (set SHARED_DIR to point at shared/)`);

type Shapes = Map<string, Set<string>>;

/** Every key path ("subclient.clientId", "clientGroups[].clientGroupId") with the types seen there. */
function collect(value: unknown, shapes: Shapes, path = ""): void {
  if (Array.isArray(value)) {
    for (const item of value) collect(item, shapes, `${path}[]`);
    return;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (typeof child !== "object" || child === null) {
        const types = shapes.get(childPath) ?? new Set();
        types.add(typeof child);
        shapes.set(childPath, types);
      } else collect(child, shapes, childPath);
    }
  }
}

const summaries = (body: { jobs?: { jobSummary: unknown }[] }) =>
  (body.jobs ?? []).map((job) => job.jobSummary);
const xmlParser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  isArray: (name) => ["jobs", "clientGroups"].includes(name),
});
const xmlSummaries = (xml: string) =>
  (xmlParser.parse(xml).JobManager_JobListResponse.jobs ?? []).map(
    (job: { jobSummary: unknown }) => job.jobSummary,
  );

function seedXmlSamples(): string[] {
  const text = readFileSync(SEED, "utf8");
  return text
    .split("Sample Response\n")
    .slice(1)
    .map((part) =>
      part.slice(0, part.indexOf("</JobManager_JobListResponse>") + "</JobManager_JobListResponse>".length),
    );
}

let sim: RunningSimulator;
let token: string;

beforeAll(async () => {
  if (!present) return;
  // A key-set check needs every kind of record, not volume: a few thousand jobs a year hold them all.
  sim = await startTestSimulator({ jobs: 3000 });
  token = await signIn(sim);
});
afterAll(() => sim?.close());

describe.skipIf(!present)("the simulator's keys against real captures", () => {
  it("emits exactly the jobSummary keys and JSON value types the captures have", async () => {
    const captured: Shapes = new Map();
    for (const name of readdirSync(SAMPLES).filter((n) => /_(GET_Job|GET_Job_id|POST_Jobs)\.json$/.test(n))) {
      for (const summary of summaries(JSON.parse(readFileSync(join(SAMPLES, name), "utf8"))))
        collect(summary, captured);
    }
    const emitted: Shapes = new Map();
    const body = await call(sim, "GET", "Job?jobFilter=&limit=100000", { token, json: true });
    for (const summary of summaries(JSON.parse(body.body))) collect(summary, emitted);

    const invented = [...emitted.keys()].filter((key) => !captured.has(key));
    const missing = [...captured.keys()].filter((key) => !emitted.has(key));
    expect(invented, "keys the simulator emits that no capture has").toEqual([]);
    expect(missing, "keys the captures have that the simulator never emits").toEqual([]);
    for (const [key, types] of emitted) {
      expect([...types].sort(), `JSON type of ${key}`).toEqual([...(captured.get(key) ?? [])].sort());
    }
  });

  it("emits in XML only attributes the seed's or the captures' records have", async () => {
    const known: Shapes = new Map();
    for (const xml of seedXmlSamples()) for (const summary of xmlSummaries(xml)) collect(summary, known);
    for (const name of readdirSync(SAMPLES).filter((n) => /_(GET_Job|POST_Jobs)\.json$/.test(n))) {
      for (const summary of summaries(JSON.parse(readFileSync(join(SAMPLES, name), "utf8"))))
        collect(summary, known);
    }
    const emitted: Shapes = new Map();
    const body = await call(sim, "GET", "Job?jobFilter=&limit=100000", { token });
    for (const summary of xmlSummaries(body.body)) collect(summary, emitted);
    expect([...emitted.keys()].filter((key) => !known.has(key))).toEqual([]);
    for (const [key, types] of emitted)
      expect([...types], `XML carries ${key} as a string`).toEqual(["string"]);
  });

  it("answers JobDetails with the captured keys", async () => {
    const captured: Shapes = new Map();
    collect(JSON.parse(readFileSync(join(SAMPLES, "11_POST_JobDetails.json"), "utf8")), captured);
    const list = JSON.parse((await call(sim, "GET", "Job?limit=1", { token, json: true })).body);
    const jobId = list.jobs[0].jobSummary.jobId;
    const emitted: Shapes = new Map();
    collect(
      JSON.parse((await call(sim, "POST", "JobDetails", { token, json: true, body: { jobId } })).body),
      emitted,
    );
    expect([...emitted.keys()].sort()).toEqual([...captured.keys()].sort());
    for (const [key, types] of emitted)
      expect([...types], `JSON type of ${key}`).toEqual([...(captured.get(key) ?? [])]);
  });
});
