// Sessions live in the encrypted cookie, so the server must remember which of them have ended: a copy of
// a cookie taken before sign-out must not read jobs afterwards. Each session has a random id; sign-out (or
// a refused CommCell token) revokes it until the cookie could have expired anyway.

export class Revocations {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly clock: () => number = Date.now,
    private readonly max = 200_000,
  ) {}

  /** Told of every revocation made here (not of those learned from other instances): to share it. */
  onRevoke: ((sessionId: string, untilMs: number) => void) | null = null;

  private readonly watchers = new Map<string, Set<() => void>>();

  /**
   * Calls `ended` once when `sessionId` is revoked, here or on another instance: what a session holds open
   * (a push stream) ends with it, not at its next check. Gives the function that stops watching.
   */
  whenRevoked(sessionId: string, ended: () => void): () => void {
    const set = this.watchers.get(sessionId) ?? new Set();
    set.add(ended);
    this.watchers.set(sessionId, set);
    return () => {
      set.delete(ended);
      if (set.size === 0 && this.watchers.get(sessionId) === set) this.watchers.delete(sessionId);
    };
  }

  /** `fromPeer`: learned from another instance, so not told on again. */
  revoke(sessionId: string, untilMs: number, fromPeer = false): void {
    if (!fromPeer) this.onRevoke?.(sessionId, untilMs);
    const watching = this.watchers.get(sessionId);
    this.watchers.delete(sessionId);
    for (const ended of watching ?? []) ended();
    this.until.delete(sessionId);
    this.until.set(sessionId, untilMs);
    this.prune();
  }

  isRevoked(sessionId: string): boolean {
    const until = this.until.get(sessionId);
    if (until === undefined) return false;
    if (until > this.clock()) return true;
    this.until.delete(sessionId);
    return false;
  }

  private prune(): void {
    const now = this.clock();
    for (const [id, until] of this.until) {
      if (this.until.size <= this.max && until > now) break;
      // Past the cap the oldest revocations go first; their sessions are the nearest to expiring anyway.
      this.until.delete(id);
    }
  }

  get size(): number {
    return this.until.size;
  }
}
