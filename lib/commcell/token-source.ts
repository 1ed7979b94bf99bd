// The token a server-side identity uses. One sign-in at a time: concurrent callers share it, and a 401
// seen by several requests at once leads to a single new sign-in, not one each. Commvault may purge a
// token it sees used from many places, so one identity holds one token.

export type TokenKind = "authtoken" | "bearer";

export interface Token {
  readonly value: string;
  readonly kind: TokenKind;
  readonly issuedAt: number;
}

/**
 * Where several instances keep one identity's token (lib/shared/shared-token.ts): the token all use, and a
 * lock so that one instance signs in when it must be renewed. Every method answers a fallback when the
 * store is down, and the instance then signs in by itself.
 */
export interface SharedToken {
  read(): Promise<string | null>;
  write(token: string): Promise<void>;
  /** Takes the sign-in lock; resolves to its release, or null when another instance holds it. */
  lock(): Promise<(() => Promise<void>) | null>;
}

const SHARED_WAIT_MS = 10_000;
const SHARED_POLL_MS = 100;

export class TokenSource {
  private current: Token | null = null;
  /** Set once at start when instances share a Redis. */
  shared: SharedToken | null = null;
  private pending: Promise<Token> | null = null;
  private signIns = 0;

  /** `signIn` null: a fixed pre-issued token that cannot be renewed. */
  constructor(
    private readonly signIn: (() => Promise<string>) | null,
    fixed: string | null = null,
    private readonly clock: () => number = Date.now,
  ) {
    if (fixed) this.current = { value: fixed, kind: kindOf(fixed), issuedAt: clock() };
  }

  async token(): Promise<Token> {
    if (this.current) return this.current;
    return this.refresh();
  }

  /** A fresh token after `stale` was refused; if another caller already renewed it, that one is shared. */
  async renew(stale: Token): Promise<Token | null> {
    if (!this.signIn) return null;
    if (this.current && this.current.value !== stale.value) return this.current;
    this.current = null;
    return this.refresh(stale.value);
  }

  /**
   * With a shared store: the token another instance holds if it is not the refused one; else this instance
   * signs in under the lock, or waits for the holder's new token; alone when the store cannot say.
   */
  private async sharedSignIn(signIn: () => Promise<string>, stale: string | null): Promise<string> {
    const shared = this.shared as SharedToken;
    const held = await shared.read();
    if (held && held !== stale) return held;
    const release = await shared.lock();
    if (release) {
      try {
        // The holder before us may have just written one.
        const again = await shared.read();
        if (again && again !== stale && again !== held) return again;
        this.signIns++;
        const value = await signIn();
        await shared.write(value);
        return value;
      } finally {
        await release();
      }
    }
    for (let waited = 0; waited < SHARED_WAIT_MS; waited += SHARED_POLL_MS) {
      await new Promise((resolve) => setTimeout(resolve, SHARED_POLL_MS));
      const fresh = await shared.read();
      if (fresh && fresh !== stale && fresh !== held) return fresh;
    }
    this.signIns++;
    return signIn();
  }

  private refresh(stale: string | null = null): Promise<Token> {
    if (!this.signIn) throw new Error("a fixed token cannot be renewed");
    if (!this.pending) {
      const signIn = this.signIn;
      const shared = this.shared;
      if (!shared) this.signIns++;
      this.pending = (shared ? this.sharedSignIn(signIn, stale) : signIn())
        .then((value) => {
          this.current = { value, kind: kindOf(value), issuedAt: this.clock() };
          return this.current;
        })
        .finally(() => {
          this.pending = null;
        });
    }
    return this.pending;
  }

  /** Sign-ins made so far (for /api/health and tests). */
  get signInCount(): number {
    return this.signIns;
  }

  get issuedAt(): number | null {
    return this.current?.issuedAt ?? null;
  }
}

/** `QSDK ...` goes in the Authtoken header; newer access tokens are bearer tokens. */
export function kindOf(token: string): TokenKind {
  return /^QSDK\s/i.test(token) ? "authtoken" : "bearer";
}

export function authHeaders(token: Token): Record<string, string> {
  return token.kind === "authtoken" ? { Authtoken: token.value } : { Authorization: `Bearer ${token.value}` };
}
