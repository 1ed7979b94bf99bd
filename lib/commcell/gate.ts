// One limit, for the whole server, on requests in flight to the CommCell. However many viewers, views and
// identities ask at once, the CommCell never sees more than `limit` requests from this server; the rest
// wait their turn in order. Kept on globalThis: Next may load this module more than once in one process,
// and a limit per copy would be no limit.

export class Gate {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  private peak = 0;

  constructor(private limit: number) {}

  setLimit(limit: number): void {
    this.limit = limit;
    this.pump();
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    this.peak = Math.max(this.peak, this.active);
    try {
      return await work();
    } finally {
      this.active--;
      this.pump();
    }
  }

  private pump(): void {
    while (this.active < this.limit && this.waiting.length > 0) {
      this.active++;
      this.waiting.shift()?.();
    }
  }

  stats(): { inFlight: number; waiting: number; peak: number; limit: number } {
    return { inFlight: this.active, waiting: this.waiting.length, peak: this.peak, limit: this.limit };
  }
}

export const DEFAULT_UPSTREAM_CONCURRENCY = 8;

const KEY = Symbol.for("commcell-job-monitor.upstream-gate");
type Holder = { [KEY]?: Gate };

/** The process's gate to the CommCell. */
export function upstreamGate(): Gate {
  const holder = globalThis as Holder;
  holder[KEY] ??= new Gate(DEFAULT_UPSTREAM_CONCURRENCY);
  return holder[KEY];
}
