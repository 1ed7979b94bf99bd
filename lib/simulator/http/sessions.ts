// Sign-in as a CommCell does it: tokens that expire after a spell of inactivity, and an account that
// locks after repeated failures. Real time, not simulated time: a token's life has nothing to do with
// how fast the jobs move.

import { randomBytes } from "node:crypto";

export type LoginOutcome =
  | { kind: "ok"; token: string }
  | { kind: "refused"; attemptsLeft: number }
  | { kind: "locked"; remainingSeconds: number };

interface Session {
  readonly userName: string;
  lastUsed: number;
}

export interface SessionSettings {
  readonly username: string;
  readonly password: string;
  readonly tokenIdleSeconds: number;
  readonly lockAfter: number;
  readonly lockSeconds: number;
}

export class Sessions {
  private readonly sessions = new Map<string, Session>();
  private failures = 0;
  private lockedUntil = 0;

  constructor(
    private readonly settings: SessionSettings,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Sign-ins answered, good or bad: for tests that count how often the dashboard signs in. */
  logins = 0;

  login(username: string, password: string): LoginOutcome {
    this.logins++;
    const now = this.clock();
    if (now < this.lockedUntil)
      return { kind: "locked", remainingSeconds: Math.ceil((this.lockedUntil - now) / 1000) };
    if (
      username.toLowerCase() !== this.settings.username.toLowerCase() ||
      password !== this.settings.password
    ) {
      this.failures++;
      if (this.failures >= this.settings.lockAfter) {
        this.failures = 0;
        this.lockedUntil = now + this.settings.lockSeconds * 1000;
        return { kind: "locked", remainingSeconds: this.settings.lockSeconds };
      }
      return { kind: "refused", attemptsLeft: this.settings.lockAfter - this.failures };
    }
    this.failures = 0;
    const token = `QSDK ${randomBytes(48).toString("hex")}`;
    this.sessions.set(token, { userName: this.settings.username, lastUsed: now });
    return { kind: "ok", token };
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
