// raw `jobSummary` record (any of the three shapes, keys folded) -> Job.

import { backupLevelOf } from "./backup-levels";
import { toBoolean, toCount, toEntityId, toEpochMs, toInteger, toNumber, toPercent, toText } from "./coerce";
import type { EntityRef, Job } from "./job";
import { jobTypeKeyOf } from "./job-types";
import { parsePendingReason } from "./pending-reason";
import { asList, type FoldedRecord, foldRecord } from "./raw-record";
import { STATUS_INFO, type StatusKind, statusKindOf } from "./statuses";

const EMPTY: FoldedRecord = Object.freeze(Object.create(null));

function ref(id: number | null, name: string | null): EntityRef | null {
  return id === null && name === null ? null : { id, name };
}

function firstText(...values: unknown[]): string | null {
  for (const value of values) {
    const text = toText(value);
    if (text !== null) return text;
  }
  return null;
}

function readClientGroups(value: unknown): EntityRef[] {
  const groups: EntityRef[] = [];
  for (const item of asList(value)) {
    const group = foldRecord(item);
    if (!group) continue;
    const entry = ref(toEntityId(group.clientgroupid), toText(group.clientgroupname));
    if (entry) groups.push(entry);
  }
  return groups;
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
 * be neither shown nor linked, and the caller counts it as unreadable.
 */
export function normalizeJobSummary(raw: unknown): Job | null {
  const r = foldRecord(raw);
  if (!r) return null;
  const id = toEntityId(r.jobid);
  if (id === null) return null;

  const sub = foldRecord(r.subclient) ?? EMPTY;
  const dest = foldRecord(r.destinationclient) ?? EMPTY;
  const user = foldRecord(r.username);
  const policy = foldRecord(r.storagepolicy);

  const localizedStatus = toText(r.localizedstatus);
  const status = toText(r.status) ?? localizedStatus;
  const statusKind = statusKindOf(status);
  const phase = toText(r.currentphasename);
  const endTime = toEpochMs(r.jobendtime);
  const type = toText(r.jobtype);

  const clientName = firstText(r.destclientname, sub.clientname, dest.clientname);
  const clientId = toEntityId(sub.clientid) ?? toEntityId(dest.clientid);

  return {
    id,
    type,
    typeKey: jobTypeKeyOf(type),
    operation: toText(r.localizedoperationname),
    opType: toInteger(r.optype),
    status,
    localizedStatus,
    statusKind,
    active: isActive(statusKind, phase, endTime),
    statusColor: toText(r.statuscolor),
    phase,
    percentComplete: toNumber(r.percentcomplete),
    client: ref(clientId, clientName),
    destinationClient: ref(toEntityId(dest.clientid), toText(dest.clientname)),
    subclient: ref(toEntityId(sub.subclientid), firstText(r.subclientname, sub.subclientname)),
    backupSet: ref(toEntityId(sub.backupsetid), firstText(r.backupsetname, sub.backupsetname)),
    instance: ref(toEntityId(sub.instanceid), toText(sub.instancename)),
    appType: ref(toEntityId(sub.applicationid), firstText(r.apptypename, sub.appname)),
    backupLevel: backupLevelOf(r.backuplevel, firstText(r.localizedbackuplevelname, r.backuplevelname)),
    clientGroups: readClientGroups(r.clientgroups),
    storagePolicy: policy ? toText(policy.storagepolicyname) : toText(r.storagepolicy),
    startTime: toEpochMs(r.jobstarttime),
    endTime,
    lastUpdateTime: toEpochMs(r.lastupdatetime),
    elapsedSeconds: toCount(r.jobelapsedtime),
    sizeOfApplication: toCount(r.sizeofapplication),
    sizeOfMediaOnDisk: toCount(r.sizeofmediaondisk),
    percentSavings: toPercent(r.percentsavings),
    files: {
      total: toCount(r.totalnumoffiles),
      failed: toCount(r.totalfailedfiles),
      failedFolders: toCount(r.totalfailedfolders),
    },
    pendingReason: parsePendingReason(toText(r.pendingreason), toText(r.pendingreasonerrorcode)),
    user: user ? ref(toEntityId(user.userid), toText(user.username)) : ref(null, toText(r.username)),
    isAged: toBoolean(r.isaged),
    isVisible: toBoolean(r.isvisible),
    // The seed's table spells it `isPreemtable`; the captures spell it `isPreemptable`.
    isPreemptable: toBoolean(r.ispreemptable ?? r.ispreemtable),
    submitErrorCode: toInteger(r.jobsubmiterrorcode),
  };
}
