// A job as the CommCell's GET /Job answers it: the raw `jobSummary` record, key for key in the order and
// shape of ../shared/reference/samples/03_GET_Job.json and 04_POST_Jobs.json. Numbers stay numbers here;
// the XML writer turns them into the strings XML carries.

import { LEVEL_CODES, SIM_JOB_KIND_INFO } from "../model/catalog";
import type { Estate } from "../model/estate";
import type { JobPlan } from "../model/job-plan";
import type { JobState } from "../model/job-state";

export type RawValue = string | number | boolean;
export interface RawRecord {
  [key: string]: RawValue | RawRecord | RawRecord[];
}

const NO_APP = "Default Application Type Name";
// Jobs older than this have had their data aged off.
const AGED_AFTER_SECONDS = 90 * 86_400;

export function jobSummaryRecord(plan: JobPlan, state: JobState, now: number, _estate: Estate): RawRecord {
  const info = SIM_JOB_KIND_INFO[plan.kind];
  const sub = plan.subclient;
  const level = plan.level;
  const jobType = plan.kind === "workflow" && plan.title ? plan.title : info.jobType;
  const operation = plan.kind === "workflow" && plan.title ? plan.title : info.operation;
  const savings = state.appBytes > 0 ? Math.round((1 - state.mediaBytes / state.appBytes) * 1e7) / 1e5 : 0;

  const record: RawRecord = {
    sizeOfApplication: state.appBytes,
    ...(sub ? { backupSetName: sub.backupsetName } : {}),
    opType: info.opType,
    totalFailedFolders: state.failedFolders,
    totalFailedFiles: state.failedFiles,
    isVisible: true,
    localizedStatus: state.status,
    isAged: state.end > 0 && now - state.end > AGED_AFTER_SECONDS,
    totalNumOfFiles: state.files,
    jobId: plan.id,
    jobSubmitErrorCode: plan.submitErrorCode,
    sizeOfMediaOnDisk: state.mediaBytes,
    status: state.status,
    lastUpdateTime: state.lastUpdate,
    percentSavings: savings,
    localizedOperationName: operation,
    statusColor: state.statusColor,
    pendingReason: state.reason?.text ?? "",
    backupLevel: level ? LEVEL_CODES[level].code : 0,
    jobElapsedTime: state.elapsedSeconds,
    jobStartTime: plan.start,
    currentPhaseName: state.phase,
    jobType,
    isPreemptable: plan.kind === "backup" ? 1 : 0,
    ...(level ? { backupLevelName: level === "Transaction Log" ? "Incremental" : level } : {}),
    pendingReasonErrorCode: state.reason?.code ?? "",
    appTypeName: sub ? sub.agent.appName : NO_APP,
    percentComplete: state.percentComplete,
    ...(level ? { localizedBackupLevelName: level } : {}),
    ...(sub && plan.kind !== "restore" ? { subclientName: sub.name } : {}),
    ...(sub ? { destClientName: sub.client.name } : {}),
    // A job that has not ended has no jobEndTime at all (samples 01 and 02, a running job), not a zero.
    ...(state.end > 0 ? { jobEndTime: state.end } : {}),
    subclient: sub
      ? {
          clientName: sub.client.name,
          instanceName: sub.instanceName,
          backupsetId: sub.backupsetId,
          instanceId: sub.instanceId,
          subclientId: plan.kind === "restore" ? 0 : sub.id,
          clientId: sub.client.id,
          appName: sub.agent.appName,
          backupsetName: sub.backupsetName,
          applicationId: sub.agent.applicationId,
          ...(plan.kind !== "restore" ? { subclientName: sub.name } : {}),
        }
      : { backupsetId: 0, instanceId: 0, subclientId: 0, clientId: 0, appName: NO_APP, applicationId: 0 },
  };
  if (sub) {
    record.destinationClient = { clientId: sub.client.id, clientName: sub.client.name };
    record.clientGroups = sub.client.groups.map((group) => ({
      _type_: 28,
      clientGroupId: group.id,
      clientGroupName: group.name,
    }));
  }
  record.userName = {
    userName: plan.userName,
    userId: plan.userName === "admin" ? 1 : plan.userName === "system" ? 2 : 7,
  };
  return record;
}

/** The XML `backupLevel` word for a record's numeric level, as the seed's samples write it. */
export function xmlLevelWord(plan: JobPlan): string {
  return plan.level ? LEVEL_CODES[plan.level].word : "UNKNOWN_BKP_LEVEL";
}
