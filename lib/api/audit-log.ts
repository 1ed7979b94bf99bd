// Every job action attempt, one JSON line each (time, user, action, job ids, reason, each outcome): to the
// server's log always, and appended to AUDIT_LOG_FILE when it is set (created owner-only). A line that
// cannot be written is reported to the caller and to the server's log, never dropped in silence.

import "server-only";
import { appendFile, chmod, open } from "node:fs/promises";
import type { JobAction } from "@/lib/jobs/actions";

export interface AuditOutcome {
  readonly jobId: number;
  /** not_sent: the batch stopped before this job (its token was refused on another). */
  readonly outcome: "accepted" | "refused" | "not_applicable" | "not_sent";
  readonly message: string;
  readonly newJobId?: number;
}

export interface AuditEntry {
  readonly at: string;
  /** The name the CommCell gave, for people to read. */
  readonly user: string;
  /** Who that is (see userIdentity): two accounts of one name keep separate histories. */
  readonly userId: string;
  readonly action: JobAction;
  readonly jobIds: readonly number[];
  /** How many ids the request named, where `jobIds` keeps only the first few (a refused request). */
  readonly jobCount?: number;
  readonly reason: string | null;
  readonly results: readonly AuditOutcome[];
  /** Refused as a whole before any job was acted on (the view changed, a count did not match). */
  readonly refused?: string;
  /**
   * Written before the first job is sent: the jobs about to be. A batch cut short by a crash then still
   * leaves a line saying what was being done; the line after it says what was.
   */
  readonly sending?: readonly number[];
}

/** What each user sees of their own recent actions: the newest this many. */
const RECENT_PER_USER = 50;

export class AuditLog {
  private readonly recentByUser = new Map<string, AuditEntry[]>();

  private constructor(private readonly file: string | null) {}

  /** Checks at start that the file can be written (a bad path stops the server, not the first action). */
  static async open(file: string | null): Promise<AuditLog> {
    if (file !== null) {
      try {
        const handle = await open(file, "a", 0o600);
        await handle.close();
        await chmod(file, 0o600);
      } catch (error) {
        throw new Error(`AUDIT_LOG_FILE cannot be written (${file}): ${(error as Error).message}`);
      }
    }
    return new AuditLog(file);
  }

  /** Writes the entry; resolves to the write error's words, or null when it was written. */
  async record(entry: AuditEntry): Promise<string | null> {
    const line = JSON.stringify({ audit: "job-action", ...entry });
    console.info(line);
    if (entry.sending === undefined) this.remember(entry);
    if (this.file === null) return null;
    try {
      await appendFile(this.file, `${line}\n`, { mode: 0o600 });
      return null;
    } catch (error) {
      const message = `The audit line could not be written to ${this.file}: ${(error as Error).message}`;
      console.error(`audit: ${message}; the line was: ${line}`);
      return message;
    }
  }

  private remember(entry: AuditEntry): void {
    const key = entry.userId;
    const list = this.recentByUser.get(key) ?? [];
    list.unshift(entry);
    list.length = Math.min(list.length, RECENT_PER_USER);
    this.recentByUser.set(key, list);
  }

  /** The newest actions of one identity (a userIdentity), newest first. */
  recent(userId: string): readonly AuditEntry[] {
    return this.recentByUser.get(userId) ?? [];
  }
}
