// Job-list bodies for the parser benchmark, as the CommCell simulator answers GET /Job: realistic records
// (about 1.2 KB of JSON each) in JSON and XML. The simulator never uses the dashboard's normalizer, so the
// parser is measured on input it did not shape.

import { jobListReply } from "@/lib/simulator/http/bodies";
import { SimulatedCommCell } from "@/lib/simulator/model/commcell";

const START = Date.UTC(2026, 10, 23, 22, 0) / 1000;

function listOf(count: number) {
  // A year of history a little larger than asked for, then exactly `count` of its newest jobs.
  const commcell = new SimulatedCommCell({
    seed: 42,
    jobsPerYear: Math.ceil(count * 1.15) + 50,
    clients: 200,
    timeWarp: 1,
    startAt: START,
    realClock: () => 0,
  });
  const { jobs, total } = commcell.listJobs({
    category: "all",
    kinds: null,
    clientId: null,
    lookupSeconds: 400 * 86_400,
    offset: 0,
    limit: count,
  });
  if (jobs.length !== count)
    throw new Error(`the simulator made ${jobs.length} jobs, ${count} were asked for`);
  return jobListReply(total, jobs, commcell.now(), commcell.estate);
}

export function jsonJobList(count: number): string {
  return JSON.stringify(listOf(count).json);
}

export function xmlJobList(count: number): string {
  return listOf(count).xml?.() ?? "";
}
