// raw `jobSummary` record (any of the three shapes) -> Job.

import { type BackupLevel, backupLevelOf } from "./backup-levels";
import { toBoolean, toCount, toEntityId, toEpochMs, toInteger, toNumber, toPercent, toText } from "./coerce";
import { Interner } from "./interner";
import type { EntityRef, Job } from "./job";
import { jobTypeKeyOf } from "./job-types";
import { type PendingReason, parsePendingReason } from "./pending-reason";
import { fieldReader } from "./raw-fields";
import { asList } from "./raw-record";
import { STATUS_INFO, type StatusKind, statusKindOf } from "./statuses";

const SUMMARY = fieldReader(
  [
    "jobId",
    "jobType",
    "localizedOperationName",
    "opType",
    "status",
    "localizedStatus",
    "statusColor",
    "currentPhaseName",
    "percentComplete",
    "destClientName",
    "subclientName",
    "backupSetName",
    "appTypeName",
    "backupLevel",
    "backupLevelName",
    "localizedBackupLevelName",
    "jobStartTime",
    "jobEndTime",
    "lastUpdateTime",
    "jobElapsedTime",
    "sizeOfApplication",
    "sizeOfMediaOnDisk",
    "percentSavings",
    "totalNumOfFiles",
    "totalFailedFiles",
    "totalFailedFolders",
    "pendingReason",
    "pendingReasonErrorCode",
    "isAged",
    "isVisible",
    "isPreemptable",
    "jobSubmitErrorCode",
    "subclient",
    "destinationClient",
    "clientGroups",
    "userName",
    "storagePolicy",
  ],
  // The seed's table spells it `isPreemtable`; the captures spell it `isPreemptable`.
  { isPreemtable: "isPreemptable" },
);

const SUBCLIENT = fieldReader([
  "clientId",
  "clientName",
  "instanceId",
  "instanceName",
  "backupsetId",
  "backupsetName",
  "subclientId",
  "subclientName",
  "applicationId",
  "appName",
]);
const CLIENT = fieldReader(["clientId", "clientName"]);
const USER = fieldReader(["userId", "userName"]);
const GROUP = fieldReader(["clientGroupId", "clientGroupName"]);
const POLICY = fieldReader(["storagePolicyName"]);

const S = SUMMARY.at;
const SC = SUBCLIENT.at;
const NO_VALUES: readonly unknown[] = [];
const NO_GROUPS: readonly EntityRef[] = Object.freeze([]);

/** Reads a job's values, sharing equal ones with the other jobs of the same answer. */
class JobReader {
  constructor(private readonly shared: Interner) {}

  text(value: unknown): string | null {
    return this.shared.text(toText(value));
  }

  ref(kind: string, id: number | null, name: string | null): EntityRef | null {
    if (id === null && name === null) return null;
    return this.shared.pair(kind, id, name, () => ({ id, name }));
  }

  clientGroups(value: unknown): readonly EntityRef[] {
    if (value === undefined || value === null || value === "") return NO_GROUPS;
    const groups: EntityRef[] = [];
    for (const item of asList(value)) {
      const group = GROUP.read(item);
      if (!group) continue;
      const id = toEntityId(group[GROUP.at.clientGroupId]);
      const entry = this.ref("group", id, this.text(group[GROUP.at.clientGroupName]));
      if (entry) groups.push(entry);
    }
    return groups;
  }

  user(value: unknown): EntityRef | null {
    const user = USER.read(value);
    if (user) return this.ref("user", toEntityId(user[USER.at.userId]), this.text(user[USER.at.userName]));
    return this.ref("user", null, this.text(value));
  }

  policy(value: unknown): string | null {
    const policy = POLICY.read(value);
    return policy ? this.text(policy[POLICY.at.storagePolicyName]) : this.text(value);
  }

  level(code: unknown, name: string | null): BackupLevel | null {
    const key = typeof code === "number" || typeof code === "string" ? code : null;
    return this.shared.pair("level", key, name, () => backupLevelOf(code, name));
  }

  pendingReason(text: string | null, errorCode: string | null): PendingReason | null {
    if (text === null) return null;
    return this.shared.pair("pending", text, errorCode, () => parsePendingReason(text, errorCode));
  }
}

/**
 * Whether a job is still in the job controller. Known statuses say so themselves; for a status this
 * dashboard does not know, a job that has a current phase and no end time is taken as active, so that a
 * new status on a running job does not hide it from "active" views.
 */
function isActive(kind: StatusKind, phase: string | null, endTime: number | null): boolean {
  if (kind !== "unknown") return STATUS_INFO[kind].active;
  return phase !== null && endTime === null;
}

/**
 * Normalizes one `jobSummary`. Returns null when the record has no usable job id: without one a job can
 * be neither shown nor linked, and the caller counts it as unreadable. Jobs normalized with the same
 * interner share their equal values.
 */
export function normalizeJobSummary(raw: unknown, shared: Interner = new Interner()): Job | null {
  const r = SUMMARY.read(raw);
  if (!r) return null;
  const id = toEntityId(r[S.jobId]);
  if (id === null) return null;

  const read = new JobReader(shared);
  const sub = SUBCLIENT.read(r[S.subclient]) ?? NO_VALUES;
  const subclientId = toEntityId(sub[SC.subclientId]);
  const subclientName = read.text(r[S.subclientName]) ?? read.text(sub[SC.subclientName]);
  const backupSetId = toEntityId(sub[SC.backupsetId]);
  const backupSetName = read.text(r[S.backupSetName]) ?? read.text(sub[SC.backupsetName]);
  const appId = toEntityId(sub[SC.applicationId]);
  const appName = read.text(r[S.appTypeName]) ?? read.text(sub[SC.appName]);
  const instance = read.ref("instance", toEntityId(sub[SC.instanceId]), read.text(sub[SC.instanceName]));
  const subClientId = toEntityId(sub[SC.clientId]);
  const subClientName = read.text(sub[SC.clientName]);

  const dest = CLIENT.read(r[S.destinationClient]) ?? NO_VALUES;
  const destId = toEntityId(dest[CLIENT.at.clientId]);
  const destName = read.text(dest[CLIENT.at.clientName]);

  const localizedStatus = read.text(r[S.localizedStatus]);
  const status = read.text(r[S.status]) ?? localizedStatus;
  const statusKind = statusKindOf(status);
  const phase = read.text(r[S.currentPhaseName]);
  const endTime = toEpochMs(r[S.jobEndTime]);
  const type = read.text(r[S.jobType]);
  const levelName = read.text(r[S.localizedBackupLevelName]) ?? read.text(r[S.backupLevelName]);

  return {
    id,
    type,
    typeKey: jobTypeKeyOf(type),
    operation: read.text(r[S.localizedOperationName]),
    opType: toInteger(r[S.opType]),
    status,
    localizedStatus,
    statusKind,
    active: isActive(statusKind, phase, endTime),
    statusColor: read.text(r[S.statusColor]),
    phase,
    percentComplete: toNumber(r[S.percentComplete]),
    // Name fallbacks as Commvault's own clients use them: destClientName, subclient, destinationClient.
    client: read.ref(
      "client",
      subClientId ?? destId,
      read.text(r[S.destClientName]) ?? subClientName ?? destName,
    ),
    destinationClient: read.ref("client", destId, destName),
    subclient: read.ref("subclient", subclientId, subclientName),
    backupSet: read.ref("backupSet", backupSetId, backupSetName),
    instance,
    appType: read.ref("appType", appId, appName),
    backupLevel: read.level(r[S.backupLevel], levelName),
    clientGroups: read.clientGroups(r[S.clientGroups]),
    storagePolicy: read.policy(r[S.storagePolicy]),
    startTime: toEpochMs(r[S.jobStartTime]),
    endTime,
    lastUpdateTime: toEpochMs(r[S.lastUpdateTime]),
    elapsedSeconds: toCount(r[S.jobElapsedTime]),
    sizeOfApplication: toCount(r[S.sizeOfApplication]),
    sizeOfMediaOnDisk: toCount(r[S.sizeOfMediaOnDisk]),
    percentSavings: toPercent(r[S.percentSavings]),
    files: {
      total: toCount(r[S.totalNumOfFiles]),
      failed: toCount(r[S.totalFailedFiles]),
      failedFolders: toCount(r[S.totalFailedFolders]),
    },
    pendingReason: read.pendingReason(read.text(r[S.pendingReason]), read.text(r[S.pendingReasonErrorCode])),
    user: read.user(r[S.userName]),
    isAged: toBoolean(r[S.isAged]),
    isVisible: toBoolean(r[S.isVisible]),
    isPreemptable: toBoolean(r[S.isPreemptable]),
    submitErrorCode: toInteger(r[S.jobSubmitErrorCode]),
  };
}
