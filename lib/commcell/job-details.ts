// One job and its JobDetails: `GET Job/{id}` for the job, `POST JobDetails` for the rest, read into the
// allow-listed JobDetails. Details are extra: a CommCell that cannot give them still gives the job.

import "server-only";
import type { Job } from "@/lib/jobs/job";
import type { JobDetails } from "@/lib/jobs/job-details";
import { toNumber, toText } from "./coerce";
import { isCommCellError } from "./errors";
import { parseJobList } from "./parse-job-list";
import { authenticatedRequest, type UpstreamSession } from "./session";

type Raw = Record<string, unknown>;
const object = (value: unknown): Raw =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Raw) : {};
/** Commvault writes -999 for "not known". */
const known = (value: unknown): number | null => {
  const number = toNumber(value);
  return number === null || number === -999 ? null : number;
};

export function readJobDetails(body: unknown): JobDetails | null {
  const detail = object(object(object(body).job).jobDetail);
  if (Object.keys(detail).length === 0) return null;
  const general = object(detail.generalInfo);
  const progress = object(detail.progressInfo);
  const info = object(detail.detailInfo);
  return {
    generalInfo: {
      jobStartedBy: toText(general.jobStartedBy),
      jobStartedFrom: toText(general.jobStartedFrom),
      operationType: toText(general.operationType),
      backupType: toText(general.backupType),
      priority: known(general.priority),
      softwareCompression: toText(general.softwareCompression),
    },
    progressInfo: {
      state: toText(progress.state),
      reasonForJobDelay: toText(progress.reasonForJobDelay),
    },
    detailInfo: {
      transferTimeSeconds: known(info.transferTime),
      throughputGBPerHour: known(info.throughPut),
      dataWrittenBytes: known(info.dataWritten),
      compressedBytes: known(info.compressedBytes),
      uncompressedBytes: known(info.unCompressedBytes),
      numberOfObjects: known(info.numOfObjects),
      skippedItems: known(info.skippedItems),
    },
  };
}

/** The job, or null when the CommCell has none by that id (or hides it from this identity). */
export async function fetchJob(session: UpstreamSession, jobId: number): Promise<Job | null> {
  const answer = await authenticatedRequest(session, `Job/${jobId}`, {
    headers: { Accept: "application/json" },
  });
  return parseJobList(answer.body, answer.contentType).jobs[0] ?? null;
}

export async function fetchJobDetails(session: UpstreamSession, jobId: number): Promise<JobDetails | null> {
  try {
    const response = await authenticatedRequest(session, "JobDetails", {
      method: "POST",
      headers: { Accept: "application/json", "Content-Type": "application/json" },
      body: JSON.stringify({ jobId }),
    });
    return readJobDetails(JSON.parse(response.body));
  } catch (error) {
    if (isCommCellError(error) && error.kind !== "auth") return null;
    if (error instanceof SyntaxError) return null;
    throw error;
  }
}
