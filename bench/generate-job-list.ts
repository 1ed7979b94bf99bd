// Generated GET /Job bodies for the parser benchmark: realistic records (about 1.2 KB of JSON each, with
// subclient, client groups, pending reasons on some) in the JSON v11 and XML shapes. Deterministic: the same
// size always gives the same bytes. Written by hand from the captured shapes, not through lib/jobs, so a
// normalizer bug cannot shape its own input.

const STATUSES = [
  "Completed",
  "Completed",
  "Completed",
  "Completed w/ one or more errors",
  "Failed",
  "Running",
  "Waiting",
];
const APPS = ["Windows File System", "SQL Server", "Oracle", "Virtual Server", "Exchange Mailbox", "NDMP"];
const LEVELS: [number, string][] = [
  [1, "Full"],
  [2, "Incremental"],
  [2, "Incremental"],
  [64, "Synthetic Full"],
];

/** A small deterministic generator (mulberry32), so bodies do not depend on Math.random. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Scalar = string | number | boolean;
interface Summary {
  scalars: Record<string, Scalar>;
  subclient: Record<string, Scalar>;
  clientGroups: Record<string, Scalar>[];
}

function summaryAt(index: number, next: () => number): Summary {
  const status = STATUSES[index % STATUSES.length] as string;
  const [level, levelName] = LEVELS[index % LEVELS.length] as [number, string];
  const app = APPS[index % APPS.length] as string;
  const clientId = 2 + (index % 200);
  const start = 1_700_000_000 + index * 60;
  const elapsed = Math.floor(next() * 7200);
  const size = Math.floor(next() * 5e11);
  const savings = Math.round(next() * 9000) / 100;
  const active = status === "Running" || status === "Waiting";
  const scalars: Record<string, Scalar> = {
    sizeOfApplication: size,
    backupSetName: "defaultBackupSet",
    opType: 4,
    totalFailedFolders: 0,
    totalFailedFiles: status === "Completed w/ one or more errors" ? Math.floor(next() * 50) + 1 : 0,
    isVisible: true,
    localizedStatus: status,
    isAged: false,
    totalNumOfFiles: Math.floor(next() * 1e6),
    jobId: 100_000 + index,
    jobSubmitErrorCode: 0,
    sizeOfMediaOnDisk: Math.floor(size * (1 - savings / 100)),
    status,
    lastUpdateTime: start + elapsed,
    percentSavings: savings,
    localizedOperationName: "Backup",
    statusColor: active ? "greenspan" : "black",
    pendingReason:
      status === "Waiting"
        ? `Another backup is running for client [client${clientId}].<br>Source: cs01, Process: JobManager`
        : "",
    backupLevel: level,
    jobElapsedTime: elapsed,
    jobStartTime: start,
    currentPhaseName: active ? "Backup" : "",
    jobType: "Backup",
    isPreemptable: 0,
    backupLevelName: levelName,
    pendingReasonErrorCode: status === "Waiting" ? "19:1327" : "",
    appTypeName: app,
    percentComplete: active ? Math.floor(next() * 100) : 100,
    localizedBackupLevelName: levelName,
    subclientName: `sc-${index % 7}`,
    destClientName: `client${clientId}`,
    jobEndTime: active ? 0 : start + elapsed,
  };
  return {
    scalars,
    subclient: {
      clientName: `client${clientId}`,
      instanceName: "DefaultInstanceName",
      backupsetId: clientId * 3,
      instanceId: 1,
      subclientId: clientId * 7 + (index % 7),
      clientId,
      appName: app,
      backupsetName: "defaultBackupSet",
      applicationId: 33,
      subclientName: `sc-${index % 7}`,
    },
    clientGroups: [
      { _type_: 28, clientGroupId: 1 + (clientId % 9), clientGroupName: `group-${clientId % 9}` },
      { _type_: 28, clientGroupId: 20 + (clientId % 4), clientGroupName: `site-${clientId % 4}` },
    ],
  };
}

function* summaries(count: number): Generator<Summary> {
  const next = random(42);
  for (let index = 0; index < count; index++) yield summaryAt(index, next);
}

export function jsonJobList(count: number): string {
  const parts: string[] = [];
  for (const summary of summaries(count)) {
    parts.push(
      JSON.stringify({
        jobSummary: { ...summary.scalars, subclient: summary.subclient, clientGroups: summary.clientGroups },
      }),
    );
  }
  return `{"totalRecordsWithoutPaging":${count},"jobs":[${parts.join(",")}]}`;
}

const escape = (value: string) =>
  value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

/** XML carries every value as a string, numbers with six decimals where the seed shows them. */
function xmlValue(key: string, value: Scalar): string {
  if (key === "percentComplete" || key === "percentSavings") return Number(value).toFixed(6);
  return escape(String(value));
}

function attributes(record: Record<string, Scalar>): string {
  return Object.entries(record)
    .map(([key, value]) => `${key}="${xmlValue(key, value)}"`)
    .join(" ");
}

export function xmlJobList(count: number): string {
  const parts: string[] = [];
  for (const summary of summaries(count)) {
    const groups = summary.clientGroups.map((group) => `<clientGroups ${attributes(group)}/>`).join("");
    parts.push(
      `<jobs><jobSummary ${attributes(summary.scalars)}><subclient ${attributes(summary.subclient)}/>${groups}</jobSummary></jobs>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="no" ?><JobManager_JobListResponse totalRecordsWithoutPaging="${count}">${parts.join("")}</JobManager_JobListResponse>`;
}
