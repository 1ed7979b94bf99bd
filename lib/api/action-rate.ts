// How many action requests one person may make a minute (ACTIONS_PER_MINUTE): each one is an audit line
// and up to a thousand CommCell calls, so a signed-in user scripting the route cannot flood either. A
// window per user that starts with their first request; past the limit, the seconds to wait.

const WINDOW_MS = 60_000;
const USERS_MAX = 10_000;

export class ActionRate {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly perMinute: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /**
   * Counts a request of `user`, or gives the seconds to wait. (Not thrown as an ApiError: this object is
   * made in instrumentation's bundle, whose ApiError class is not the routes' own.)
   */
  take(user: string): number {
    const now = this.clock();
    let window = this.windows.get(user);
    if (!window || now - window.start >= WINDOW_MS) {
      this.windows.delete(user);
      window = { start: now, count: 0 };
      this.windows.set(user, window);
      if (this.windows.size > USERS_MAX) this.windows.delete(this.windows.keys().next().value as string);
    }
    if (window.count >= this.perMinute) {
      return Math.max(1, Math.ceil((window.start + WINDOW_MS - now) / 1000));
    }
    window.count++;
    return 0;
  }
}
