// The reasons a job waits, stops or fails, in the words and shape a CommCell uses: several parts joined by
// `<br>` and line breaks, each ending in "Source: <client>, Process: <process>".

import type { Subclient } from "./estate";
import type { Reason } from "./job-plan";
import { pick, type Random } from "./random";

const part = (message: string, source: string, process: string) =>
  `${message}<br>Source: ${source}, Process: ${process}`;

export function anotherBackupRunning(sub: Subclient): Reason {
  return {
    text: part(
      `Another backup is running for client [${sub.client.name}], iDataAgent [${sub.agent.appName}], Backup Set [${sub.backupsetName}], Subclient [${sub.name}].`,
      "cs01",
      "JobManager",
    ),
    code: "19:1327",
  };
}

export function ddbOffline(sub: Subclient | null, mediaAgent: string): Reason {
  const policy = sub?.storagePolicy ?? "SP-Gold-30d";
  return {
    text: part(
      `DeDuplication DB access path [D:\\DDB\\${policy}] on MediaAgent [${mediaAgent}.corp.example] is offline for Storage Policy Copy [ ${policy} / Primary ]. Offline Reason: Cannot read from index cache directory.`,
      mediaAgent,
      "JobManager",
    ),
    code: "62:2073",
  };
}

export function mediaAgentOffline(mediaAgent: string): Reason {
  return {
    text: part(
      `MediaAgent [${mediaAgent}] is not ready: the Commvault services on it are not responding.`,
      "cs01",
      "JobManager",
    ),
    code: "32:369",
  };
}

export function streamsExhausted(sub: Subclient): Reason {
  return {
    text: part(
      `The number of streams on Storage Policy Copy [${sub.storagePolicy} / Primary] has reached its maximum. The job will wait for a stream to free up.`,
      "cs01",
      "JobManager",
    ),
    code: "13:138",
  };
}

export function blackoutWindow(clientName: string): Reason {
  return {
    text: part(
      `The job is queued: the operation window (blackout window) for client [${clientName}] is in effect.`,
      "cs01",
      "JobManager",
    ),
    code: "19:1190",
  };
}

export function suspendedByUser(user: string, why: string): Reason {
  return {
    text: part(`Backup job has been suspended by user ${user}. Reason:[${why}].`, "cs01", "JobManager"),
    code: "19:1315",
  };
}

export function waitingOnUser(): Reason {
  return { text: part("waiting on user informational action", "cs01", "Workflow"), code: "19:857" };
}

export function killedBy(user: string, why: string): Reason {
  return { text: part(`Killed by ${user}. Reason:[${why}].`, "cs01", "JobManager"), code: "19:1323" };
}

export function failure(sub: Subclient | null, random: Random): Reason {
  const client = sub?.client.name ?? "cs01";
  const options: Reason[] = [
    {
      text: part(
        `Failed to connect to the client [${client}]. The client may be offline or the Communications Service may be down.`,
        "cs01",
        "JobManager",
      ),
      code: "19:599",
    },
    {
      text: part(
        "The disk library [DL-ma02] has no free space on any of its mount paths.",
        "ma02",
        "MediaManager",
      ),
      code: "32:372",
    },
    {
      text: part(
        "Error occurred while processing chunk [4512] in media [V_1893], at the time of error in library [DL-ma01].",
        "ma01",
        "cvd",
      ),
      code: "13:138",
    },
  ];
  if (sub?.agent.family === "sql") {
    options.push({
      text: part(
        `SQL Server instance [${sub.instanceName}] is not reachable: Login failed for user 'NT AUTHORITY\\SYSTEM'.`,
        client,
        "SQLBackupMaster",
      ),
      code: "30:325",
    });
  }
  return pick(random, options);
}

export function completedWithErrors(sub: Subclient | null, failedFiles: number): Reason {
  const client = sub?.client.name ?? "cs01";
  return {
    text: part(
      `Failed to back up [${failedFiles}] items: they were locked or access was denied. See the failures report.`,
      client,
      "clBackup",
    ),
    code: "7:75",
  };
}

export function completedWithWarnings(sub: Subclient | null): Reason {
  const client = sub?.client.name ?? "cs01";
  return {
    text: part("Some items were skipped because they changed during the backup.", client, "clBackup"),
    code: "7:86",
  };
}

/** Two reasons at once, as the seed's samples show them: joined by a line break. */
export function both(first: Reason, second: Reason): Reason {
  return { text: `${first.text}\n${second.text}`, code: first.code };
}
