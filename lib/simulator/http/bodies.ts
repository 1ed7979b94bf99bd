// Every answer the simulated web service gives, as JSON or XML, in the shapes a CommCell uses.

import { jobSummaryRecord, type RawRecord, xmlLevelWord } from "../format/job-summary";
import { escapeAttribute, XML_DECLARATION, xmlElement } from "../format/xml";
import { SIM_JOB_KIND_INFO } from "../model/catalog";
import type { JobAtNow } from "../model/commcell";
import type { Client, Estate } from "../model/estate";

export interface Reply {
  readonly status: number;
  readonly json?: unknown;
  /** Made only when XML is asked for: building both forms of a 1,000-job page would double the work. */
  readonly xml?: () => string;
  readonly text?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export function jobListReply(total: number, jobs: readonly JobAtNow[], now: number, estate: Estate): Reply {
  const records = jobs.map((job) => jobSummaryRecord(job.plan, job.state, now, estate));
  // With no jobs the list is left out, as the Python SDK expects it may be.
  const json =
    records.length === 0
      ? { totalRecordsWithoutPaging: total }
      : { totalRecordsWithoutPaging: total, jobs: records.map((jobSummary) => ({ jobSummary })) };
  const xml = () => {
    let body = `${XML_DECLARATION}<JobManager_JobListResponse totalRecordsWithoutPaging="${total}">`;
    jobs.forEach((job, index) => {
      const record = { ...(records[index] as RawRecord), backupLevel: xmlLevelWord(job.plan) };
      body += `<jobs>${xmlElement("jobSummary", record)}</jobs>`;
    });
    return `${body}</JobManager_JobListResponse>`;
  };
  return { status: 200, json, xml };
}

function clientRecord(client: Client): RawRecord {
  return {
    clientEntity: {
      _type_: 3,
      clientId: client.id,
      clientName: client.name,
      hostName: client.hostName,
      displayName: client.name,
    },
  };
}

export function clientListReply(estate: Estate): Reply {
  const records = estate.clients.map((client) => ({ client: clientRecord(client) }));
  const xml = () =>
    `${XML_DECLARATION}<App_GetClientPropertiesResponse>${records.map((r) => xmlElement("clientProperties", r)).join("")}</App_GetClientPropertiesResponse>`;
  return { status: 200, json: { clientProperties: records }, xml };
}

/** POST /JobDetails, key for key as 11_POST_JobDetails.json, numbers as strings where the capture has them so. */
export function jobDetailsReply(job: JobAtNow): Reply {
  const { plan, state } = job;
  const sub = plan.subclient;
  const savings = state.appBytes > 0 ? ((1 - state.mediaBytes / state.appBytes) * 100).toFixed(2) : "0.00";
  const elapsed = Math.max(1, state.elapsedSeconds);
  const detail: RawRecord = {
    detailInfo: {
      sizeOfApplication: String(state.appBytes),
      transferTime: String(state.elapsedSeconds),
      unCompressedBytes: state.appBytes,
      dataWritten: String(state.mediaBytes),
      dataXferedNetwork: String(state.mediaBytes),
      numOfObjects: state.files,
      sizeOfMediaOnDisk: state.mediaBytes,
      savingsPercent: savings,
      startTime: plan.start,
      throughPut: ((state.appBytes / 1024 ** 3 / elapsed) * 3600).toFixed(2),
      endTime: state.end,
      compressedBytes: state.mediaBytes,
      skippedItems: state.failedFiles,
    },
    generalInfo: {
      useScalableResourceAllocation: "Unavailable",
      backupType: plan.level ?? "Unknown",
      jobStartedFrom: plan.userName === "system" ? "Scheduled" : "Interactive",
      startTime: plan.start,
      jobStartedBy: plan.userName,
      priority: plan.kind === "backup" ? 166 : -999,
      totalNumOfFiles: state.files,
      jobId: plan.id,
      softwareCompression: "On",
      systemState: "No",
      operationType: plan.title ?? SIM_JOB_KIND_INFO[plan.kind].operation,
      taskData: { subtaskId: plan.id * 2 + 1, taskName: "", taskId: plan.id * 2 },
      ...(sub
        ? {
            subclient: {
              clientName: sub.client.name,
              instanceName: sub.instanceName,
              backupsetId: sub.backupsetId,
              instanceId: sub.instanceId,
              subclientId: sub.id,
              clientId: sub.client.id,
              appName: sub.agent.appName,
              backupsetName: sub.backupsetName,
              applicationId: sub.agent.applicationId,
            },
            destinationClient: { clientName: sub.client.name },
          }
        : {}),
    },
    // numOfFilesTransferred: documented and read by Commvault's SDK, though sample 11 (a restore) lacks it.
    progressInfo: {
      reasonForJobDelay: state.reason?.text ?? "",
      state: state.status,
      numOfFilesTransferred: String(state.files),
    },
  };
  return {
    status: 200,
    json: { job: { jobDetail: detail } },
    xml: () =>
      `${XML_DECLARATION}<JobManager_JobDetailResponse>${xmlElement("job", { jobDetail: detail })}</JobManager_JobDetailResponse>`,
  };
}

/** A CommCell error report; CommCells send these with HTTP 200 as often as with an error status. */
export function errorReply(status: number, code: number, message: string): Reply {
  return {
    status,
    json: { errorCode: code, errorMessage: message },
    xml: () =>
      `${XML_DECLARATION}<CVGui_GenericResp errorCode="${code}" errorMessage="${escapeAttribute(message)}"/>`,
  };
}

/**
 * An action refused: `errors[0].errList[0]`, the shape Commvault's SDK reads from an action's answer (a bare
 * `errList` would pass its check as a success) and the one a multi-job refusal has.
 */
export function actionRefusal(code: number, message: string): Reply {
  return {
    status: 200,
    json: { errors: [{ errList: [{ errorCode: code, errLogMessage: message }] }] },
    xml: () =>
      `${XML_DECLARATION}<CVGui_GenericResp errorCode="${code}" errorMessage="${escapeAttribute(message)}"/>`,
  };
}

export function errListReply(code: number, message: string): Reply {
  return {
    status: 200,
    json: { errList: [{ errorCode: code, errLogMessage: message }] },
    xml: () =>
      `${XML_DECLARATION}<CVGui_GenericResp errorCode="${code}" errorMessage="${escapeAttribute(message)}"/>`,
  };
}

export const UNAUTHORIZED: Reply = {
  status: 401,
  text: "Access denied: the authentication token is missing, invalid or expired.",
};

export function iisErrorPage(status: number, title: string): Reply {
  return {
    status,
    headers: { "content-type": "text/html; charset=utf-8", server: "Microsoft-IIS/8.5" },
    text: `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml"><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"/>
<title>${title}</title></head><body><div id="header"><h1>Server Error</h1></div>
<div id="content"><h2>${title}</h2><h3>The web service could not process the request.</h3></div></body></html>`,
  };
}
