// What one holder may keep open on the push channel: a signed-in user (by identity), or, for the service
// identity that every wall screen and anonymous visitor shares, one socket address. Without it one cookie
// could hold every stream of the server and tens of thousands of watches ticking each second, and views
// past the per-answer memos' size would be re-sorted and re-serialized at every tick.

import { ApiError } from "./api-error";

/** Streams one holder keeps open at once: a person's browsers, or the screens of one wall room. */
export const STREAMS_PER_HOLDER_MAX = 16;
/** Distinct views one holder watches over all its streams: the per-answer memos keep 32 bodies. */
export const VIEWS_PER_HOLDER_MAX = 32;

/** A stream's holder, and for the service identity the pool every address of it shares. */
export interface StreamHolder {
  readonly holder: string;
  /**
   * Holders that share one identity's answers (the service identity's addresses): their distinct views
   * together stay under the same bound, or many addresses would thrash that identity's memos and cache.
   */
  readonly pool?: string;
}

interface Holding {
  streams: number;
  /** Each view's name, with how many of the holder's streams watch it. */
  readonly views: Map<string, number>;
}

export class StreamQuota {
  private readonly holders = new Map<string, Holding>();
  /** Each pool's views, with how many streams of any of its holders watch each. */
  private readonly pools = new Map<string, Map<string, number>>();

  constructor(
    private readonly streamsMax = STREAMS_PER_HOLDER_MAX,
    private readonly viewsMax = VIEWS_PER_HOLDER_MAX,
  ) {}

  /**
   * Takes a stream of `views` for `holder`, or refuses with 429 naming the limit it would pass. Gives the
   * function that gives it back (once, however often it is called).
   */
  take({ holder, pool }: StreamHolder, views: readonly string[]): () => void {
    const holding = this.holders.get(holder) ?? { streams: 0, views: new Map<string, number>() };
    if (holding.streams >= this.streamsMax)
      throw refuse(`at most ${this.streamsMax} streams at once for one user or address: close one first`);
    const mine = [...new Set(views)];
    const own = distinctWith(holding.views, mine);
    if (own > this.viewsMax)
      throw refuse(
        `at most ${this.viewsMax} distinct views watched at once for one user or address (this stream would make ${own})`,
      );
    const pooled = pool === undefined ? null : (this.pools.get(pool) ?? new Map<string, number>());
    if (pooled) {
      const all = distinctWith(pooled, mine);
      if (all > this.viewsMax)
        throw refuse(
          `at most ${this.viewsMax} distinct views watched at once by all screens not signed in together (this stream would make ${all}): sign in, or poll`,
        );
      this.pools.set(pool as string, pooled);
    }
    holding.streams++;
    count(holding.views, mine, 1);
    if (pooled) count(pooled, mine, 1);
    this.holders.set(holder, holding);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      holding.streams--;
      count(holding.views, mine, -1);
      if (holding.streams === 0) this.holders.delete(holder);
      if (pooled) {
        count(pooled, mine, -1);
        if (pooled.size === 0) this.pools.delete(pool as string);
      }
    };
  }

  /** For tests and health: the streams a holder has open. */
  streamsOf(holder: string): number {
    return this.holders.get(holder)?.streams ?? 0;
  }
}

/** How many distinct views `counts` would hold with `views` added. */
function distinctWith(counts: ReadonlyMap<string, number>, views: readonly string[]): number {
  return counts.size + views.filter((view) => !counts.has(view)).length;
}

/** Adds `by` to each view's count, dropping a view whose count reaches none. */
function count(counts: Map<string, number>, views: readonly string[], by: 1 | -1): void {
  for (const view of views) {
    const next = (counts.get(view) ?? 0) + by;
    if (next > 0) counts.set(view, next);
    else counts.delete(view);
  }
}

function refuse(message: string): ApiError {
  return new ApiError(429, "stream_limit", message, undefined, { "Retry-After": "30" });
}
