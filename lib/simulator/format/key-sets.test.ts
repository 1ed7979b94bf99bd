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
const REFERENCE = join(SHARED, "reference/commvault-api.md");
const present = existsSync(SAMPLES) && existsSync(SEED) && existsSync(REFERENCE);
if (!present)
  console.warn(`key-sets: skipped, no samples at ${SAMPLES} (set SHARED_DIR to point at shared/)`);

type Shapes = Map<string, Set<string>>;

/** Every key path ("subclient.clientId", "clientGroups[].clientGroupId") with the types seen there. */
function note(shapes: Shapes, path: string, value: unknown): void {
  const types = shapes.get(path) ?? new Set();
  types.add(typeof value);
  shapes.set(path, types);
}

function collect(value: unknown, shapes: Shapes, path = ""): void {
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === "object" && item !== null) collect(item, shapes, `${path}[]`);
      else note(shapes, `${path}[]`, item);
    }
    return;
  }
  if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (typeof child !== "object" || child === null) note(shapes, childPath, child);
      else collect(child, shapes, childPath);
    }
  }
}

/**
 * The key paths a reference passage documents, for the replies no capture holds: `{a, b (words), c{d, e}}`
 * gives a, b, c.d, c.e. Parenthesised notes and quotes are dropped; arrays do not add to a path.
 */
function documentedKeys(pattern: RegExp): Set<string> {
  const passage = pattern.exec(readFileSync(REFERENCE, "utf8"))?.[0];
  if (!passage) throw new Error(`the reference no longer documents ${pattern}`);
  const tokens =
    passage
      .replace(/\([^)]*\)/g, "")
      .replace(/["`]/g, "")
      .match(/[A-Za-z_]\w*|[{}[\]]/g) ?? [];
  const keys = new Set<string>();
  const stack: string[] = [];
  tokens.forEach((token, i) => {
    if (token === "{" || token === "[") {
      const before = tokens[i - 1] ?? "";
      stack.push(/^\w+$/.test(before) ? before : "");
    } else if (token === "}" || token === "]") stack.pop();
    else if (!["{", "["].includes(tokens[i + 1] ?? "")) keys.add([...stack.filter(Boolean), token].join("."));
  });
  return keys;
}

/** Key paths without array markers, as the reference writes them. */
const flat = (shapes: Shapes) => new Set([...shapes.keys()].map((key) => key.replaceAll("[]", "")));

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

  it("answers JobDetails with the captured keys and the progress keys the reference documents", async () => {
    const captured: Shapes = new Map();
    collect(JSON.parse(readFileSync(join(SAMPLES, "11_POST_JobDetails.json"), "utf8")), captured);
    // Sample 11 is a restore without a file count; the reference (and Commvault's SDK) has one, a string.
    for (const progress of documentedKeys(/progressInfo\s*\{[^}]*\}/))
      if (!captured.has(`job.jobDetail.${progress}`))
        captured.set(`job.jobDetail.${progress}`, new Set(["string"]));
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

  it("answers POST Jobs with the same records as GET Job, keys and types as captured", async () => {
    const captured: Shapes = new Map();
    for (const name of readdirSync(SAMPLES).filter((n) => /_(GET_Job|POST_Jobs)\.json$/.test(n))) {
      for (const summary of summaries(JSON.parse(readFileSync(join(SAMPLES, name), "utf8"))))
        collect(summary, captured);
    }
    const body = {
      scope: 1,
      category: 0,
      pagingConfig: { sortDirection: 1, offset: 0, sortField: "jobId", limit: 100000 },
      jobFilter: { completedJobLookupTime: 31536000, showAgedJobs: false, clientList: [], jobTypeList: [] },
    };
    const answer = await call(sim, "POST", "Jobs", { token, json: true, body });
    const emitted: Shapes = new Map();
    for (const summary of summaries(JSON.parse(answer.body))) collect(summary, emitted);
    expect([...emitted.keys()].filter((key) => !captured.has(key))).toEqual([]);
    for (const [key, types] of emitted)
      expect([...types].sort(), `JSON type of ${key}`).toEqual([...(captured.get(key) ?? [])].sort());
  });

  it("leaves jobEndTime out of a job that has not ended, as the captured running job has it", async () => {
    const running = summaries(JSON.parse(readFileSync(join(SAMPLES, "01_GET_Job.json"), "utf8"))) as Record<
      string,
      unknown
    >[];
    expect(running.map((job) => [job.status, "jobEndTime" in job])).toEqual([["Running", false]]);
    // A small estate may have nothing running at this hour: a resubmitted job runs now.
    const finished = JSON.parse(
      (await call(sim, "GET", "Job?jobCategory=Finished&jobFilter=Backup&limit=1", { token, json: true }))
        .body,
    );
    await call(sim, "POST", `Job/${finished.jobs[0].jobSummary.jobId}/action/resubmit`, {
      token,
      json: true,
    });
    const active = await call(sim, "GET", "Job?jobCategory=Active&jobFilter=&limit=100000", {
      token,
      json: true,
    });
    const records = summaries(JSON.parse(active.body)) as Record<string, unknown>[];
    expect(records.length).toBeGreaterThan(0);
    expect(records.filter((job) => "jobEndTime" in job)).toEqual([]);
  });

  it("answers Events with the commservEvents keys the reference documents", async () => {
    const documented = documentedKeys(/\{"commservEvents": \[\{[\s\S]*?\}\]\}/);
    const list = JSON.parse((await call(sim, "GET", "Job?jobFilter=&limit=50", { token, json: true })).body);
    const emitted: Shapes = new Map();
    for (const job of list.jobs) {
      const answer = await call(sim, "GET", `Events?jobId=${job.jobSummary.jobId}`, { token, json: true });
      collect(JSON.parse(answer.body), emitted);
    }
    expect([...flat(emitted)].sort()).toEqual([...documented].sort());
    expect([...(emitted.get("commservEvents[].eventCode") ?? [])]).toEqual(["string"]);
    expect([...(emitted.get("commservEvents[].timeSource") ?? [])]).toEqual(["number"]);
  });

  it("answers Subclient with the subClientEntity and commonProperties keys the reference documents", async () => {
    const documented = new Set(
      [
        ...documentedKeys(/subClientEntity\s*\{[^}]*\}/),
        ...documentedKeys(/commonProperties\s*\{[^}]*\}/),
      ].map((key) => `subClientProperties.${key}`),
    );
    const clients = JSON.parse(
      (await call(sim, "GET", "Client", { token, json: true })).body,
    ).clientProperties;
    const emitted: Shapes = new Map();
    for (const client of clients.slice(0, 10)) {
      const id = client.client.clientEntity.clientId;
      collect(
        JSON.parse((await call(sim, "GET", `Subclient?clientId=${id}`, { token, json: true })).body),
        emitted,
      );
    }
    expect([...flat(emitted)].sort()).toEqual([...documented].sort());
  });

  it("answers Resubmit with jobIds only, as the reference and Commvault's SDK read it", async () => {
    const list = JSON.parse(
      (await call(sim, "GET", "Job?jobCategory=Finished&jobFilter=Backup&limit=1", { token, json: true }))
        .body,
    );
    const answer = await call(sim, "POST", `Job/${list.jobs[0].jobSummary.jobId}/action/Resubmit`, {
      token,
      json: true,
    });
    const emitted: Shapes = new Map();
    collect(JSON.parse(answer.body), emitted);
    expect(Object.fromEntries([...emitted].map(([key, types]) => [key, [...types]]))).toEqual({
      "jobIds[]": ["string"],
    });
  });
});
