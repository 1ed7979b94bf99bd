// What one holder may keep open on the push channel: a signed-in user (by identity), or, for the service
// identity that every wall screen and anonymous visitor shares, one socket address. Without it one cookie
// could hold every stream of the server and tens of thousands of watches ticking each second, and views
// past the per-answer memos' size would be re-sorted and re-serialized at every tick.

import { ApiError } from "./api-error";

/** Streams one holder keeps open at once: a person's browsers, or the screens of one wall room. */
export const STREAMS_PER_HOLDER_MAX = 16;
/** Distinct views one holder watches over all its streams: the per-answer memos keep 32 bodies. */
export const VIEWS_PER_HOLDER_MAX = 32;

interface Holding {
  streams: number;
  /** Each view's name, with how many of the holder's streams watch it. */
  readonly views: Map<string, number>;
}

export class StreamQuota {
  private readonly holders = new Map<string, Holding>();

  constructor(
    private readonly streamsMax = STREAMS_PER_HOLDER_MAX,
    private readonly viewsMax = VIEWS_PER_HOLDER_MAX,
  ) {}

  /**
   * Takes a stream of `views` for `holder`, or refuses with 429 naming the limit it would pass. Gives the
   * function that gives it back (once, however often it is called).
   */
  take(holder: string, views: readonly string[]): () => void {
    const holding = this.holders.get(holder) ?? { streams: 0, views: new Map<string, number>() };
    if (holding.streams >= this.streamsMax)
      throw refuse(`at most ${this.streamsMax} streams at once for one user or address: close one first`);
    const added = new Set(views.filter((view) => !holding.views.has(view))).size;
    if (holding.views.size + added > this.viewsMax)
      throw refuse(
        `at most ${this.viewsMax} distinct views watched at once for one user or address (this stream would make ${holding.views.size + added})`,
      );
    holding.streams++;
    const mine = [...new Set(views)];
    for (const view of mine) holding.views.set(view, (holding.views.get(view) ?? 0) + 1);
    this.holders.set(holder, holding);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      holding.streams--;
      for (const view of mine) {
        const left = (holding.views.get(view) ?? 1) - 1;
        if (left > 0) holding.views.set(view, left);
        else holding.views.delete(view);
      }
      if (holding.streams === 0) this.holders.delete(holder);
    };
  }

  /** For tests and health: the streams a holder has open. */
  streamsOf(holder: string): number {
    return this.holders.get(holder)?.streams ?? 0;
  }
}

function refuse(message: string): ApiError {
  return new ApiError(429, "stream_limit", message, undefined, { "Retry-After": "30" });
}
