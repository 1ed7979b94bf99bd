// The token a server-side identity uses. One sign-in at a time: concurrent callers share it, and a 401
// seen by several requests at once leads to a single new sign-in, not one each. Commvault may purge a
// token it sees used from many places, so one identity holds one token.

export type TokenKind = "authtoken" | "bearer";

export interface Token {
  readonly value: string;
  readonly kind: TokenKind;
  readonly issuedAt: number;
}

export class TokenSource {
  private current: Token | null = null;
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
    return this.refresh();
  }

  private refresh(): Promise<Token> {
    if (!this.signIn) throw new Error("a fixed token cannot be renewed");
    if (!this.pending) {
      const signIn = this.signIn;
      this.signIns++;
      this.pending = signIn()
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
