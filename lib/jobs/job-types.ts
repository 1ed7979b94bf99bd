// The job type vocabulary: the `jobFilter` words and numeric codes the GET /Job API accepts, and the
// `jobType` texts jobs of that type carry. Source: ../shared/reference/commvault-api.md. Types without a
// known numeric code (restore, workflow, data aging) are sent upstream as their word.

import { memoByText } from "./memo-by-text";

// The types people filter by most come first: the explorer lists them in this order.
export const JOB_TYPE_KEYS = [
  "backup",
  "restore",
  "synthetic_full",
  "aux_copy",
  "dr_backup",
  "data_aging",
  "workflow",
  "online",
  "offline",
  "export",
  "media_init",
  "media_recycle",
  "third_party_backup",
  "media_inventory",
  "snapshot",
  "create_replica",
  "snap_recovery",
  "shelf_management",
  "selective_delete",
  "browse_and_delete",
  "snap_backup",
  "data_verification",
  "ddb_operations",
  "space_reclamation",
] as const;
export type JobTypeKey = (typeof JOB_TYPE_KEYS)[number];

export interface JobTypeInfo {
  readonly label: string;
  /** The word sent as `jobFilter`. */
  readonly filter: string;
  /** Numeric `jobFilter` codes; the first is the canonical one. */
  readonly codes: readonly number[];
  /** `jobType` texts of jobs of this type, compared case-insensitively. */
  readonly jobTypes: readonly string[];
}

export const JOB_TYPES = {
  backup: { label: "Backup", filter: "Backup", codes: [4], jobTypes: ["Backup"] },
  restore: { label: "Restore", filter: "Restore", codes: [], jobTypes: ["Restore"] },
  synthetic_full: { label: "Synthetic Full", filter: "SYNTHFULL", codes: [14], jobTypes: ["Synthetic Full"] },
  aux_copy: {
    label: "Aux Copy",
    filter: "AUXCOPY",
    codes: [13, 104],
    jobTypes: ["Aux Copy", "Auxiliary Copy"],
  },
  dr_backup: {
    label: "DR Backup",
    filter: "CSDRBKP",
    codes: [11],
    jobTypes: ["CS DR Backup", "Disaster Recovery Backup", "DR Backup"],
  },
  data_aging: { label: "Data Aging", filter: "DATAAGING", codes: [], jobTypes: ["Data Aging"] },
  workflow: { label: "Workflow", filter: "WORKFLOW", codes: [], jobTypes: ["Workflow"] },
  online: { label: "Online", filter: "ONLINE", codes: [2], jobTypes: ["Online"] },
  offline: { label: "Offline", filter: "OFFLINE", codes: [3], jobTypes: ["Offline"] },
  export: { label: "Export", filter: "CVEXPORT", codes: [7], jobTypes: ["Export", "CV Export"] },
  media_init: { label: "Media Init", filter: "MEDIAINIT", codes: [8], jobTypes: ["Media Init"] },
  media_recycle: { label: "Media Recycle", filter: "MEDIARECYCLE", codes: [9], jobTypes: ["Media Recycle"] },
  third_party_backup: {
    label: "Third-party Backup",
    filter: "BACKUP3RD",
    codes: [18],
    jobTypes: ["Third Party Backup"],
  },
  media_inventory: {
    label: "Media Inventory",
    filter: "MEDIAINVENTORY",
    codes: [21],
    jobTypes: ["Media Inventory"],
  },
  snapshot: { label: "Snapshot", filter: "SNAPSHOT", codes: [22], jobTypes: ["Snapshot"] },
  create_replica: {
    label: "Create Replica",
    filter: "CREATEREPLICA",
    codes: [23],
    jobTypes: ["Create Replica"],
  },
  snap_recovery: { label: "Snap Recovery", filter: "SNAPRECOVERY", codes: [27], jobTypes: ["Snap Recovery"] },
  shelf_management: {
    label: "Shelf Management",
    filter: "SHELFMANAGEMENT",
    codes: [33],
    jobTypes: ["Shelf Management"],
  },
  selective_delete: {
    label: "Selective Delete",
    filter: "SELECTIVEDELETE",
    codes: [38],
    jobTypes: ["Selective Delete"],
  },
  browse_and_delete: {
    label: "Browse and Delete",
    filter: "BROWSEANDDELETE",
    codes: [44],
    jobTypes: ["Browse and Delete"],
  },
  snap_backup: { label: "Snap Backup", filter: "SNAPBACKUP", codes: [59], jobTypes: ["Snap Backup"] },
  data_verification: {
    label: "Data Verification",
    filter: "DATA_VERIFICATION",
    codes: [82],
    jobTypes: ["Data Verification"],
  },
  ddb_operations: {
    label: "DDB Operations",
    filter: "DDBOPS",
    codes: [100],
    jobTypes: ["DDB Operations", "DDB Verification", "DDB Reconstruction"],
  },
  space_reclamation: {
    label: "Space Reclamation",
    filter: "SPACE_RECLAMATION",
    codes: [115],
    jobTypes: ["Space Reclamation"],
  },
} as const satisfies Record<JobTypeKey, JobTypeInfo>;

const fold = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

const KEY_BY_JOB_TYPE: ReadonlyMap<string, JobTypeKey> = new Map(
  JOB_TYPE_KEYS.flatMap((key) => JOB_TYPES[key].jobTypes.map((text) => [fold(text), key] as const)),
);

const KEY_BY_FILTER_TOKEN: ReadonlyMap<string, JobTypeKey> = new Map(
  JOB_TYPE_KEYS.flatMap((key) => {
    const info: JobTypeInfo = JOB_TYPES[key];
    return [
      [fold(key), key] as const,
      [fold(info.filter), key] as const,
      [fold(info.label), key] as const,
      ...info.codes.map((code) => [String(code), key] as const),
    ];
  }),
);

/** The type key of a job's `jobType` text; `unknown` keeps the job, with its text shown as is. */
export function jobTypeKeyOf(jobType: string | null): JobTypeKey | "unknown" {
  if (!jobType) return "unknown";
  return keyOfJobType(jobType);
}

const keyOfJobType = memoByText(
  (text: string): JobTypeKey | "unknown" => KEY_BY_JOB_TYPE.get(fold(text)) ?? "unknown",
);

/**
 * Reads one `jobFilter` token (a key, the API word, the label or a numeric code, any case) as a type key.
 * Returns undefined for a token that names no known type.
 */
export function jobTypeKeyOfFilterToken(token: string): JobTypeKey | undefined {
  return KEY_BY_FILTER_TOKEN.get(fold(token));
}
