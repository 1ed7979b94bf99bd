import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { readJobDetails } from "./job-details";

const SAMPLES = resolve(process.env.SHARED_DIR ?? join(__dirname, "../../../shared"), "reference/samples");

describe("readJobDetails", () => {
  it("passes on only the allow-listed fields, typed, from a captured answer", () => {
    const body = JSON.parse(readFileSync(join(SAMPLES, "11_POST_JobDetails.json"), "utf8"));
    body.job.jobDetail.generalInfo.secretThing = "QSDK 1234";
    body.job.jobDetail.extra = { anything: true };
    const details = readJobDetails(body);
    expect(details?.generalInfo).toEqual({
      jobStartedBy: "admin",
      jobStartedFrom: "Interactive",
      operationType: "Restore",
      backupType: "Unknown",
      priority: null,
      softwareCompression: "Off",
    });
    expect(details?.detailInfo).toMatchObject({
      transferTimeSeconds: 27,
      uncompressedBytes: 266793,
      skippedItems: 2,
    });
    expect(JSON.stringify(details)).not.toContain("QSDK");
    expect(Object.keys(details ?? {}).sort()).toEqual(["detailInfo", "generalInfo", "progressInfo"]);
  });

  it("is null for an answer without a job detail", () => {
    expect(readJobDetails({})).toBeNull();
    expect(readJobDetails("nonsense")).toBeNull();
  });
});
