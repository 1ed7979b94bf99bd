// The one normalized job every page, route and chart uses. Times are epoch milliseconds, sizes bytes,
// percentages plain numbers; anything the CommCell did not send (or sent unreadable) is null, never 0 or "".

import type { BackupLevel } from "./backup-levels";
import type { JobTypeKey } from "./job-types";
import type { PendingReason } from "./pending-reason";
import type { StatusKind } from "./statuses";

export interface EntityRef {
  readonly id: number | null;
  readonly name: string | null;
}

export interface JobFiles {
  readonly total: number | null;
  readonly failed: number | null;
  readonly failedFolders: number | null;
}

export interface Job {
  readonly id: number;
  /** The server's `jobType` text ("Backup", "CS DR Backup", a workflow's own name...). */
  readonly type: string | null;
  readonly typeKey: JobTypeKey | "unknown";
  /** `localizedOperationName`. */
  readonly operation: string | null;
  readonly opType: number | null;
  /** The server's `status` text, shown as is for statuses this dashboard does not know. */
  readonly status: string | null;
  readonly localizedStatus: string | null;
  readonly statusKind: StatusKind;
  readonly active: boolean;
  /** The server's colour hint (`black`, `greenspan`, `redspan`). */
  readonly statusColor: string | null;
  readonly phase: string | null;
  readonly percentComplete: number | null;
  readonly client: EntityRef | null;
  readonly destinationClient: EntityRef | null;
  readonly subclient: EntityRef | null;
  readonly backupSet: EntityRef | null;
  readonly instance: EntityRef | null;
  readonly appType: EntityRef | null;
  readonly backupLevel: BackupLevel | null;
  readonly clientGroups: readonly EntityRef[];
  readonly storagePolicy: string | null;
  readonly startTime: number | null;
  readonly endTime: number | null;
  readonly lastUpdateTime: number | null;
  readonly elapsedSeconds: number | null;
  readonly sizeOfApplication: number | null;
  readonly sizeOfMediaOnDisk: number | null;
  readonly percentSavings: number | null;
  readonly files: JobFiles;
  readonly pendingReason: PendingReason | null;
  readonly user: EntityRef | null;
  readonly isAged: boolean | null;
  readonly isVisible: boolean | null;
  readonly isPreemptable: boolean | null;
  /** `jobSubmitErrorCode`: non-zero on a job that failed to start. */
  readonly submitErrorCode: number | null;
}
