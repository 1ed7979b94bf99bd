import { describe, expect, it } from "vitest";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import type { Job } from "./job";
import {
  longestRunning,
  outcomesOverTime,
  overviewTiles,
  perNight,
  savingsBy,
  savingsByDay,
  savingsHistogram,
  topFailingClients,
} from "./overview-metrics";

const DAY1 = Date.UTC(2026, 10, 22, 23) / 1000;
const DAY2 = Date.UTC(2026, 10, 23, 23) / 1000;

let nextId = 1;
function job(fields: Record<string, unknown>): Job {
  return normalizeJobSummary({ jobId: nextId++, jobType: "Backup", status: "Completed", ...fields }) as Job;
}

describe("overviewTiles", () => {
  it("counts each tile and the success rate over finished jobs", () => {
    const tiles = overviewTiles([
      job({ status: "Running" }),
      job({ status: "Waiting" }),
      job({ status: "Queued" }),
      job({ status: "Suspended" }),
      job({ status: "Failed" }),
      job({ status: "Failed to Start" }),
      job({ status: "Killed" }),
      job({ status: "Completed w/ one or more errors" }),
      job({ status: "Completed w/ one or more warnings" }),
      job({ status: "Completed" }),
    ]);
    expect(tiles).toEqual({
      running: 1,
      waiting: 2,
      suspended: 1,
      failed: 3,
      completedWithErrors: 1,
      completedWithWarnings: 1,
      completed: 1,
      successRate: 2 / 6,
    });
  });

  it("has no success rate without finished jobs, and is all zero for no jobs", () => {
    expect(overviewTiles([]).successRate).toBeNull();
    expect(overviewTiles([job({ status: "Running" })]).successRate).toBeNull();
  });

  it("has a success rate of zero when everything failed", () => {
    expect(overviewTiles([job({ status: "Failed" }), job({ status: "Killed" })]).successRate).toBe(0);
  });
});

describe("savings", () => {
  const sized = (app: number, media: number, end: number, extra: Record<string, unknown> = {}) =>
    job({
      sizeOfApplication: app,
      sizeOfMediaOnDisk: media,
      jobEndTime: end,
      percentSavings: (1 - media / app) * 100,
      ...extra,
    });

  it("sums application and media bytes per day of the job's end, leaving jobs without sizes out", () => {
    const series = savingsByDay([
      sized(100, 10, DAY1),
      sized(300, 90, DAY1),
      sized(200, 100, DAY2),
      job({ jobEndTime: DAY2 }),
      job({ sizeOfApplication: 0, sizeOfMediaOnDisk: 0, jobEndTime: DAY2 }),
      job({ status: "Running", sizeOfApplication: 5, sizeOfMediaOnDisk: 1 }),
    ]);
    expect(series.withoutSizes).toBe(2);
    expect(series.rows).toEqual([
      { key: "2026-11-22", applicationBytes: 400, mediaBytes: 100, savingsPercent: 75, jobs: 2 },
      { key: "2026-11-23", applicationBytes: 200, mediaBytes: 100, savingsPercent: 50, jobs: 1 },
    ]);
  });

  it("ranks agents or clients by application bytes and sums the rest as others", () => {
    const jobs = Array.from({ length: 12 }, (_, i) =>
      sized((i + 1) * 100, 10, DAY1, { destClientName: `c${i + 1}` }),
    );
    const series = savingsBy(jobs, "client", 10);
    expect(series.rows.map((row) => row.key)).toEqual([
      "c12",
      "c11",
      "c10",
      "c9",
      "c8",
      "c7",
      "c6",
      "c5",
      "c4",
      "c3",
      "others",
    ]);
    expect(series.rows.at(-1)).toMatchObject({ applicationBytes: 300, mediaBytes: 20, jobs: 2 });
  });

  it("puts finished backups' savings in bins, media larger than data below zero", () => {
    const { bins, withoutSizes } = savingsHistogram([
      sized(100, 5, DAY1),
      sized(100, 50, DAY1),
      sized(100, 130, DAY1),
      sized(100, 0, DAY1),
      job({ jobEndTime: DAY1 }),
      sized(100, 5, DAY1, { jobType: "Restore" }),
    ]);
    expect(withoutSizes).toBe(1);
    expect(bins[0]).toMatchObject({ to: 0, count: 1 });
    expect(bins.find((bin) => bin.from === 50)?.count).toBe(1);
    expect(bins.find((bin) => bin.from === 90)?.count).toBe(2);
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(4);
  });
});

describe("topFailingClients", () => {
  it("counts failures of every kind per client, most first", () => {
    expect(
      topFailingClients([
        job({ status: "Failed", destClientName: "a" }),
        job({ status: "Killed", destClientName: "b" }),
        job({ status: "Failed to Start", destClientName: "b" }),
        job({ status: "Completed", destClientName: "c" }),
      ]),
    ).toEqual([
      { client: "b", failures: 2 },
      { client: "a", failures: 1 },
    ]);
  });
});

describe("longestRunning", () => {
  it("compares each running job with the median of its subclient's last good runs", () => {
    const same = {
      destClientName: "c1",
      subclientName: "default",
      subclient: { clientId: 5, subclientId: 9 },
    };
    const history = [600, 900, 1200].map((seconds) => job({ ...same, jobElapsedTime: seconds }));
    const running = job({ ...same, status: "Running", jobElapsedTime: 3600 });
    const stranger = job({ destClientName: "c2", status: "Running", jobElapsedTime: 60 });
    const result = longestRunning([...history, running, stranger]);
    expect(result.map((r) => r.job.id)).toEqual([running.id, stranger.id]);
    expect(result[0]).toMatchObject({ elapsedSeconds: 3600, usualSeconds: 900, ratio: 4 });
    expect(result[1]).toMatchObject({ usualSeconds: null, ratio: null });
  });
});

describe("outcomesOverTime", () => {
  it("counts finished jobs per hour of their end by outcome, with empty hours in between", () => {
    const at = (hour: number) => Date.UTC(2026, 10, 23, hour, 30) / 1000;
    const rows = outcomesOverTime(
      [
        job({ status: "Completed", jobEndTime: at(20) }),
        job({ status: "Failed to Start", jobEndTime: at(20) }),
        job({ status: "Completed w/ one or more errors", jobEndTime: at(22) }),
        job({ status: "Completed w/ one or more warnings", jobEndTime: at(22) }),
        job({ status: "Running" }),
      ],
      "hour",
    );
    expect(rows).toEqual([
      { key: "2026-11-23T20", completed: 1, warnings: 0, errors: 0, failed: 1 },
      { key: "2026-11-23T21", completed: 0, warnings: 0, errors: 0, failed: 0 },
      { key: "2026-11-23T22", completed: 0, warnings: 1, errors: 1, failed: 0 },
    ]);
    expect(outcomesOverTime([], "day")).toEqual([]);
  });
});

describe("perNight", () => {
  const evening = Date.UTC(2026, 10, 22, 22) / 1000;
  it("puts a backup window across midnight in one night, named by its evening", () => {
    const rows = perNight([
      job({ jobEndTime: evening, sizeOfApplication: 100, sizeOfMediaOnDisk: 10 }),
      job({ jobEndTime: evening + 4 * 3600, sizeOfApplication: 300, sizeOfMediaOnDisk: 30 }),
      job({ jobEndTime: evening + 15 * 3600, sizeOfApplication: 50, sizeOfMediaOnDisk: 50 }),
    ]).rows;
    expect(rows).toEqual([
      { key: "2026-11-22", applicationBytes: 400, mediaBytes: 40, savingsPercent: 90, jobs: 2 },
      { key: "2026-11-23", applicationBytes: 50, mediaBytes: 50, savingsPercent: 0, jobs: 1 },
    ]);
  });

  it("counts only finished backups and synthetic fulls, and those without sizes apart", () => {
    const series = perNight([
      job({ jobType: "Restore", jobEndTime: evening, sizeOfApplication: 100, sizeOfMediaOnDisk: 10 }),
      job({ jobType: "Synthetic Full", jobEndTime: evening, sizeOfApplication: 100, sizeOfMediaOnDisk: 10 }),
      job({ status: "Running", jobEndTime: evening, sizeOfApplication: 100, sizeOfMediaOnDisk: 10 }),
      job({ jobEndTime: evening }),
    ]);
    expect(series.rows.map((row) => row.jobs)).toEqual([1]);
    expect(series.withoutSizes).toBe(1);
  });

  it("is empty for no jobs, and one row for one job", () => {
    expect(perNight([])).toEqual({ rows: [], withoutSizes: 0 });
    expect(perNight([job({ jobEndTime: evening, sizeOfApplication: 8, sizeOfMediaOnDisk: 2 })]).rows).toEqual(
      [{ key: "2026-11-22", applicationBytes: 8, mediaBytes: 2, savingsPercent: 75, jobs: 1 }],
    );
  });
});
