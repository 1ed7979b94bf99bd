// raw `jobSummary` record (any of the three shapes) -> Job.

import { type BackupLevel, backupLevelOf } from "@/lib/jobs/backup-levels";
import type { EntityRef, Job } from "@/lib/jobs/job";
import { jobTypeKeyOf } from "@/lib/jobs/job-types";
import { type PendingReason, parsePendingReason } from "@/lib/jobs/pending-reason";
import { STATUS_INFO, type StatusKind, statusKindOf } from "@/lib/jobs/statuses";
import { toBoolean, toCount, toEntityId, toEpochMs, toInteger, toNumber, toPercent, toText } from "./coerce";
import { Interner } from "./interner";
import { fieldReader } from "./raw-fields";
import { asList } from "./raw-record";

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

// Texts stored on the job itself are shared through the interner; names that go into refs (and pending
// reasons) are shared by their tables already, so they are read with plain toText.
function text(shared: Interner, value: unknown): string | null {
  return shared.text(toText(value));
}

// Reused by every job: its groups are gathered here, and the interner keeps one list per distinct list.
const groupScratch: EntityRef[] = [];

function readClientGroups(shared: Interner, value: unknown): readonly EntityRef[] {
  if (value === undefined || value === null || value === "") return NO_GROUPS;
  let count = 0;
  for (const item of asList(value)) {
    const group = GROUP.read(item);
    if (!group) continue;
    const id = toEntityId(group[GROUP.at.clientGroupId]);
    const entry = shared.ref(shared.groups, id, toText(group[GROUP.at.clientGroupName]));
    if (entry) groupScratch[count++] = entry;
  }
  return count === 0 ? NO_GROUPS : shared.list(groupScratch, count);
}

function readUser(shared: Interner, value: unknown): EntityRef | null {
  const user = USER.read(value);
  if (user) return shared.ref(shared.users, toEntityId(user[USER.at.userId]), toText(user[USER.at.userName]));
  return shared.ref(shared.users, null, toText(value));
}

function readPolicy(shared: Interner, value: unknown): string | null {
  const policy = POLICY.read(value);
  return text(shared, policy ? policy[POLICY.at.storagePolicyName] : value);
}

function readLevel(shared: Interner, code: unknown, name: string | null): BackupLevel | null {
  const key = typeof code === "number" || typeof code === "string" ? code : null;
  const known = shared.levels.get(key, name);
  return known !== undefined ? known : shared.levels.set(key, name, backupLevelOf(code, name));
}

function readPendingReason(
  shared: Interner,
  reason: string | null,
  errorCode: string | null,
): PendingReason | null {
  if (reason === null) return null;
  const known = shared.pendingReasons.get(reason, errorCode);
  return known !== undefined
    ? known
    : shared.pendingReasons.set(reason, errorCode, parsePendingReason(reason, errorCode));
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

  const sub = SUBCLIENT.read(r[S.subclient]) ?? NO_VALUES;
  const subClientId = toEntityId(sub[SC.clientId]);
  const subClientName = toText(sub[SC.clientName]);
  const subclient = shared.ref(
    shared.subclients,
    toEntityId(sub[SC.subclientId]),
    toText(r[S.subclientName]) ?? toText(sub[SC.subclientName]),
  );
  const backupSet = shared.ref(
    shared.backupSets,
    toEntityId(sub[SC.backupsetId]),
    toText(r[S.backupSetName]) ?? toText(sub[SC.backupsetName]),
  );
  const appType = shared.ref(
    shared.appTypes,
    toEntityId(sub[SC.applicationId]),
    toText(r[S.appTypeName]) ?? toText(sub[SC.appName]),
  );
  const instance = shared.ref(shared.instances, toEntityId(sub[SC.instanceId]), toText(sub[SC.instanceName]));

  const dest = CLIENT.read(r[S.destinationClient]) ?? NO_VALUES;
  const destId = toEntityId(dest[CLIENT.at.clientId]);
  const destName = toText(dest[CLIENT.at.clientName]);

  const localizedStatus = text(shared, r[S.localizedStatus]);
  const status = text(shared, r[S.status]) ?? localizedStatus;
  const statusKind = statusKindOf(status);
  const phase = text(shared, r[S.currentPhaseName]);
  const endTime = toEpochMs(r[S.jobEndTime]);
  const type = text(shared, r[S.jobType]);
  const levelName = text(shared, r[S.localizedBackupLevelName]) ?? text(shared, r[S.backupLevelName]);
  // Name fallbacks as Commvault's own clients use them: destClientName, subclient, destinationClient.
  const clientName = toText(r[S.destClientName]) ?? subClientName ?? destName;

  return {
    id,
    type,
    typeKey: jobTypeKeyOf(type),
    operation: text(shared, r[S.localizedOperationName]),
    opType: toInteger(r[S.opType]),
    status,
    localizedStatus,
    statusKind,
    active: isActive(statusKind, phase, endTime),
    statusColor: text(shared, r[S.statusColor]),
    phase,
    percentComplete: toNumber(r[S.percentComplete]),
    client: shared.ref(shared.clients, subClientId ?? destId, clientName),
    destinationClient: shared.ref(shared.clients, destId, destName),
    subclient,
    backupSet,
    instance,
    appType,
    backupLevel: readLevel(shared, r[S.backupLevel], levelName),
    clientGroups: readClientGroups(shared, r[S.clientGroups]),
    storagePolicy: readPolicy(shared, r[S.storagePolicy]),
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
    pendingReason: readPendingReason(shared, toText(r[S.pendingReason]), toText(r[S.pendingReasonErrorCode])),
    user: readUser(shared, r[S.userName]),
    isAged: toBoolean(r[S.isAged]),
    isVisible: toBoolean(r[S.isVisible]),
    isPreemptable: toBoolean(r[S.isPreemptable]),
    submitErrorCode: toInteger(r[S.jobSubmitErrorCode]),
  };
}
