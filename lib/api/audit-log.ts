// Every job action attempt, one JSON line each (time, user, action, job ids, reason, each outcome): to the
// server's log always, and appended to AUDIT_LOG_FILE when it is set (created owner-only). A line that
// cannot be written is reported to the caller and to the server's log, never dropped in silence.

import "server-only";
import { appendFile, chmod, open } from "node:fs/promises";
import type { JobAction } from "@/lib/jobs/actions";

export interface AuditOutcome {
  readonly jobId: number;
  readonly outcome: "accepted" | "refused" | "not_applicable";
  readonly message: string;
  readonly newJobId?: number;
}

export interface AuditEntry {
  readonly at: string;
  readonly user: string;
  readonly action: JobAction;
  readonly jobIds: readonly number[];
  readonly reason: string | null;
  readonly results: readonly AuditOutcome[];
  /** Refused as a whole before any job was acted on (the view changed, a count did not match). */
  readonly refused?: string;
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
    const key = entry.user.toLowerCase();
    const list = this.recentByUser.get(key) ?? [];
    list.unshift(entry);
    list.length = Math.min(list.length, RECENT_PER_USER);
    this.recentByUser.set(key, list);
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

  recent(user: string): readonly AuditEntry[] {
    return this.recentByUser.get(user.toLowerCase()) ?? [];
  }
}
