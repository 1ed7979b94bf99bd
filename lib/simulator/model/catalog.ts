// What the simulated CommCell knows of job types and statuses. Deliberately the simulator's own table,
// written from the API documentation, not imported from lib/jobs: a mistake shared by the dashboard and
// its simulator would hide itself.

export const SIM_JOB_KINDS = [
  "backup",
  "restore",
  "synthfull",
  "auxcopy",
  "drbackup",
  "dataaging",
  "workflow",
] as const;
export type SimJobKind = (typeof SIM_JOB_KINDS)[number];

export interface SimJobKindInfo {
  readonly jobType: string;
  readonly operation: string;
  readonly opType: number;
  /** `jobFilter` words (lower case) and numeric codes that select this kind. */
  readonly filterWords: readonly string[];
  readonly filterCodes: readonly number[];
}

export const SIM_JOB_KIND_INFO: Readonly<Record<SimJobKind, SimJobKindInfo>> = {
  backup: { jobType: "Backup", operation: "Backup", opType: 4, filterWords: ["backup"], filterCodes: [4] },
  restore: { jobType: "Restore", operation: "Restore", opType: 3, filterWords: ["restore"], filterCodes: [] },
  synthfull: {
    jobType: "Synthetic Full",
    operation: "Synthetic Full",
    opType: 14,
    filterWords: ["synthfull", "synthetic full"],
    filterCodes: [14],
  },
  auxcopy: {
    jobType: "Aux Copy",
    operation: "Aux Copy",
    opType: 13,
    filterWords: ["auxcopy", "aux copy"],
    filterCodes: [13, 104],
  },
  drbackup: {
    jobType: "CS DR Backup",
    operation: "Disaster Recovery Backup",
    opType: 11,
    filterWords: ["csdrbkp", "dr backup"],
    filterCodes: [11],
  },
  dataaging: {
    jobType: "Data Aging",
    operation: "Data Aging",
    opType: 10,
    filterWords: ["dataaging", "data aging"],
    filterCodes: [],
  },
  workflow: {
    jobType: "Workflow",
    operation: "Workflow",
    opType: 90,
    filterWords: ["workflow"],
    filterCodes: [],
  },
};

/** Filter words and codes the API accepts for types this CommCell never runs: valid, and they match nothing. */
export const OTHER_FILTER_WORDS: readonly string[] = [
  "online",
  "offline",
  "cvexport",
  "mediainit",
  "mediarecycle",
  "backup3rd",
  "mediainventory",
  "snapshot",
  "createreplica",
  "snaprecovery",
  "shelfmanagement",
  "selectivedelete",
  "browseanddelete",
  "snapbackup",
  "data_verification",
  "ddbops",
  "space_reclamation",
];
export const OTHER_FILTER_CODES: readonly number[] = [
  2, 3, 7, 8, 9, 18, 21, 22, 23, 27, 33, 38, 44, 59, 82, 100, 115,
];
export const ALL_OPERATIONS = { word: "allops", code: 1 } as const;

export const FINAL_STATUSES = [
  "Completed",
  "Completed w/ one or more errors",
  "Completed w/ one or more warnings",
  "Failed",
  "Killed",
  "Failed to Start",
] as const;
export type FinalStatus = (typeof FINAL_STATUSES)[number];

export const WAIT_STATUSES = ["Waiting", "Pending", "Queued", "Suspended"] as const;
export type WaitStatus = (typeof WAIT_STATUSES)[number];

export type SimLevel = "Full" | "Incremental" | "Differential" | "Synthetic Full" | "Transaction Log";

/** JSON `backupLevel` codes and XML words, as the captures show them. */
export const LEVEL_CODES: Readonly<Record<SimLevel, { code: number; word: string }>> = {
  Full: { code: 1, word: "FULL" },
  Incremental: { code: 2, word: "INCREMENTAL" },
  Differential: { code: 4, word: "DIFFERENTIAL" },
  "Synthetic Full": { code: 64, word: "SYNTHETIC_FULL" },
  "Transaction Log": { code: 2, word: "INCREMENTAL" },
};
