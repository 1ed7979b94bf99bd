// GET Subclient?clientId= and GET Subclient/{id}: `subClientProperties[]` with `subClientEntity` and
// `commonProperties` as the reference documents them, read from the job history itself, so the inventory
// and the job list agree: the last successful backup, its size, the next scheduled start, whether backup
// is enabled. A subclient that never ran has no lastBackupTime (0), as a CommCell leaves it.

import type { JobAtNow } from "../model/commcell";
import type { Subclient } from "../model/estate";
import type { Reply } from "./bodies";

const DAY = 86_400;
const SUCCESS = new Set([
  "Completed",
  "Completed w/ one or more warnings",
  "Completed w/ one or more errors",
]);

/** The next start of its nightly schedule after `now`; 0 when it is not scheduled. */
function nextBackup(sub: Subclient, now: number): number {
  if (sub.backup !== "enabled") return 0;
  const today = Math.floor(now / DAY) * DAY + sub.nightlyStart;
  return today > now ? today : today + DAY;
}

function record(sub: Subclient, jobs: readonly JobAtNow[], now: number) {
  const backups = jobs.filter((job) => job.plan.subclient?.id === sub.id && job.plan.kind === "backup");
  const last = backups.find((job) => !job.state.active && SUCCESS.has(job.state.status));
  const total = backups.reduce(
    (sum, job) => sum + (SUCCESS.has(job.state.status) ? job.state.mediaBytes : 0),
    0,
  );
  return {
    subClientEntity: {
      clientId: sub.client.id,
      clientName: sub.client.name,
      appName: sub.agent.appName,
      instanceName: sub.instanceName,
      backupsetName: sub.backupsetName,
      subclientId: sub.id,
      subclientName: sub.name,
    },
    commonProperties: {
      lastBackupTime: last?.state.end ?? 0,
      lastBackupSize: last?.state.appBytes ?? 0,
      totalBackupSize: total,
      nextBackupTime: nextBackup(sub, now),
      enableBackup: sub.backup !== "disabled",
    },
  };
}

/** `jobs`: the subclients' clients' jobs over the history, newest first. */
export function subclientReply(
  subclients: readonly Subclient[],
  jobs: readonly JobAtNow[],
  now: number,
): Reply {
  return { status: 200, json: { subClientProperties: subclients.map((sub) => record(sub, jobs, now)) } };
}
