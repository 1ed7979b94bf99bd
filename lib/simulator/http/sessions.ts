// Sign-in as a CommCell does it: tokens that expire after a spell of inactivity, and an account that
// locks after repeated failures. Real time, not simulated time: a token's life has nothing to do with
// how fast the jobs move.

import { createHash, randomBytes } from "node:crypto";
import type { Role, SimUser } from "../model/access";

export type LoginOutcome =
  | { kind: "ok"; token: string; userGuid: string }
  | { kind: "refused"; attemptsLeft: number }
  | { kind: "locked"; remainingSeconds: number };

interface Session {
  readonly userName: string;
  lastUsed: number;
}

export interface SessionSettings {
  readonly username: string;
  readonly password: string;
  readonly operatorPassword?: string;
  readonly viewerPassword?: string;
  readonly tokenIdleSeconds: number;
  readonly lockAfter: number;
  readonly lockSeconds: number;
}

/** A CommCell gives each account its own GUID, kept across sign-ins: here, one made from the account's name. */
export function userGuidOf(account: string): string {
  const hex = createHash("sha256").update(account.toLowerCase()).digest("hex").toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export class Sessions {
  private readonly sessions = new Map<string, Session>();
  /** Failed sign-ins in a row and lock-outs, per account, as a CommCell locks accounts. */
  private readonly failures = new Map<string, number>();
  private readonly lockedUntil = new Map<string, number>();

  constructor(
    private readonly settings: SessionSettings,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Sign-ins answered, good or bad: for tests that count how often the dashboard signs in. */
  logins = 0;

  login(username: string, password: string): LoginOutcome {
    this.logins++;
    const now = this.clock();
    const account = username.toLowerCase();
    const lockedUntil = this.lockedUntil.get(account) ?? 0;
    if (now < lockedUntil) return { kind: "locked", remainingSeconds: Math.ceil((lockedUntil - now) / 1000) };
    const user = this.users().find((candidate) => candidate.name.toLowerCase() === account);
    if (!user || password !== user.password) {
      const failures = (this.failures.get(account) ?? 0) + 1;
      this.failures.set(account, failures);
      if (failures >= this.settings.lockAfter) {
        this.failures.delete(account);
        this.lockedUntil.set(account, now + this.settings.lockSeconds * 1000);
        return { kind: "locked", remainingSeconds: this.settings.lockSeconds };
      }
      return { kind: "refused", attemptsLeft: this.settings.lockAfter - failures };
    }
    this.failures.delete(account);
    const token = `QSDK ${randomBytes(48).toString("hex")}`;
    this.sessions.set(token, { userName: user.name, lastUsed: now });
    return { kind: "ok", token, userGuid: userGuidOf(user.name) };
  }

  /** The accounts that can sign in: the configured admin, and the operator and viewer roles. */
  users(): readonly SimUser[] {
    return [
      { name: this.settings.username, password: this.settings.password, role: "admin" },
      { name: "operator", password: this.settings.operatorPassword ?? "operator", role: "operator" },
      { name: "viewer", password: this.settings.viewerPassword ?? "viewer", role: "viewer" },
    ];
  }

  roleOf(userName: string): Role {
    return this.users().find((user) => user.name.toLowerCase() === userName.toLowerCase())?.role ?? "viewer";
  }

  /** The user behind a token, touching it; null when the token is unknown or has expired. */
  use(token: string | undefined): string | null {
    if (!token) return null;
    const session = this.sessions.get(token.trim());
    if (!session) return null;
    const now = this.clock();
    if (now - session.lastUsed > this.settings.tokenIdleSeconds * 1000) {
      this.sessions.delete(token.trim());
      return null;
    }
    session.lastUsed = now;
    return session.userName;
  }

  logout(token: string): boolean {
    return this.sessions.delete(token.trim());
  }

  /** A new token for a valid one, which stops working. */
  renew(token: string): string | null {
    const user = this.use(token);
    if (user === null) return null;
    this.sessions.delete(token.trim());
    const fresh = `QSDK ${randomBytes(48).toString("hex")}`;
    this.sessions.set(fresh, { userName: user, lastUsed: this.clock() });
    return fresh;
  }

  /** Every token stops working at once (a fault on demand). */
  expireAll(): number {
    const count = this.sessions.size;
    this.sessions.clear();
    return count;
  }

  /** The tokens in use: for tests that check no page ever shows one. */
  tokens(): string[] {
    return [...this.sessions.keys()];
  }

  get count(): number {
    return this.sessions.size;
  }
}
