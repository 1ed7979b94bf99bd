// The browser's end of the push channel (/api/stream): one EventSource per browser, shared by its tabs.
// HTTP/1.1 allows six connections per host, so a stream per tab would leave a person with seven tabs open
// unable to load anything. The tabs elect one of them (a Web Lock, released when that tab goes) to hold the
// stream for the views all of them watch; they tell it what they watch and it tells them what it hears,
// over a BroadcastChannel. A browser without those APIs gives each tab its own stream.
//
// The stream only says that a view has a new answer (its entity tag); the tab then fetches it as it would
// have polled. Polling stays as the fallback: `isLive` is false until the stream has spoken and again when
// it has been quiet for longer than two heartbeats, and the pages poll as before while it is false.

const CHANNEL = "commcell-job-monitor.view-stream";
const LEADER_LOCK = "commcell-job-monitor.view-stream.leader";
/** The server's heartbeat is 15 s: a stream quiet for longer than two of them is taken as gone. */
export const STREAM_QUIET_MS = 35_000;
/** Views change in bursts (a filter typed into): the stream is reopened once they settle. */
const REOPEN_DELAY_MS = 150;

export type ViewNotice =
  | {
      readonly view: string;
      readonly etag: string;
      readonly fetchedAt?: string | null;
      readonly spreadMs?: number;
      /** This screen's own moment within the spread, when the server placed it (lib/api/view-watch.ts). */
      readonly waitMs?: number;
    }
  | { readonly view: string; readonly problem: string };

type Message =
  | { readonly type: "watching"; readonly tab: string; readonly views: readonly string[] }
  | { readonly type: "who" }
  | { readonly type: "notice"; readonly notice: ViewNotice }
  | { readonly type: "alive"; readonly at: number };

type Listener = (notice: ViewNotice) => void;

const tab = Math.random().toString(36).slice(2);
/** This tab's listeners by view. */
const listeners = new Map<string, Set<Listener>>();
/** The last notice of each view, for a listener that arrives after it. */
const latest = new Map<string, ViewNotice>();
let lastAlive = 0;
const aliveListeners = new Set<() => void>();

let channel: BroadcastChannel | null = null;
let leading = false;
/** What every tab watches, as the leader knows it. */
const watchedByTab = new Map<string, readonly string[]>();
let source: EventSource | null = null;
let sourceViews = "";
let reopenTimer: ReturnType<typeof setTimeout> | null = null;
let started = false;

function ownViews(): string[] {
  return [...listeners.keys()];
}

function deliver(notice: ViewNotice): void {
  latest.set(notice.view, notice);
  for (const listener of listeners.get(notice.view) ?? []) listener(notice);
}

function markAlive(at: number): void {
  const wasLive = isLive();
  lastAlive = at;
  if (!wasLive) for (const listener of aliveListeners) listener();
}

function post(message: Message): void {
  channel?.postMessage(message);
}

/** The leader's stream: reopened, after a short settle, whenever the union of watched views changes. */
function scheduleReopen(): void {
  if (reopenTimer) clearTimeout(reopenTimer);
  reopenTimer = setTimeout(reopen, REOPEN_DELAY_MS);
}

function reopen(): void {
  reopenTimer = null;
  const views = [...new Set([...ownViews(), ...[...watchedByTab.values()].flat()])].sort();
  const key = views.join("\n");
  if (key === sourceViews && source && source.readyState !== EventSource.CLOSED) return;
  source?.close();
  source = null;
  sourceViews = key;
  if (views.length === 0) return;
  const query = new URLSearchParams();
  for (const view of views) query.append("view", view);
  const opened = new EventSource(`/api/stream?${query.toString()}`);
  source = opened;
  opened.addEventListener("heartbeat", () => {
    const at = Date.now();
    markAlive(at);
    post({ type: "alive", at });
  });
  opened.addEventListener("view", (event) => {
    const notice = JSON.parse((event as MessageEvent<string>).data) as ViewNotice;
    deliver(notice);
    post({ type: "notice", notice });
  });
  // EventSource reconnects by itself (after the server's `retry`); a stream refused outright (a 401, a
  // 400) is closed, and the tabs poll until the views change or the page is reloaded.
}

function lead(): void {
  leading = true;
  post({ type: "who" });
  scheduleReopen();
}

function onMessage(message: Message): void {
  if (message.type === "notice") deliver(message.notice);
  else if (message.type === "alive") markAlive(message.at);
  else if (message.type === "who") post({ type: "watching", tab, views: ownViews() });
  else if (message.type === "watching" && leading) {
    if (message.views.length === 0) watchedByTab.delete(message.tab);
    else watchedByTab.set(message.tab, message.views);
    // A tab that arrives after the stream spoke is told what it said: that it is alive (the next
    // heartbeat may be 15 s away) and the last notice of each view it watches.
    if (isLive()) post({ type: "alive", at: lastAlive });
    for (const view of message.views) {
      const notice = latest.get(view);
      if (notice) post({ type: "notice", notice });
    }
    scheduleReopen();
  }
}

function start(): void {
  if (started || typeof window === "undefined" || typeof EventSource === "undefined") return;
  started = true;
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (typeof BroadcastChannel === "undefined" || !locks) {
    lead(); // alone: this tab's own stream
    return;
  }
  channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<Message>) => onMessage(event.data);
  // Held until this tab goes; then the next tab waiting for it leads.
  void locks.request(LEADER_LOCK, () => {
    lead();
    return new Promise<never>(() => undefined);
  });
  window.addEventListener("pagehide", () => post({ type: "watching", tab, views: [] }));
}

function announce(): void {
  if (leading) scheduleReopen();
  else post({ type: "watching", tab, views: ownViews() });
}

/** Calls `listener` with each notice of `view` (`jobs:<query>` or `wall:<query>`); gives the function that stops. */
export function subscribeView(view: string, listener: Listener): () => void {
  start();
  const set = listeners.get(view) ?? new Set<Listener>();
  const isNew = set.size === 0;
  set.add(listener);
  listeners.set(view, set);
  if (isNew) announce();
  return () => {
    set.delete(listener);
    if (set.size > 0) return;
    listeners.delete(view);
    latest.delete(view);
    announce();
  };
}

/** The last notice heard for a view, if any. */
export function latestNotice(view: string): ViewNotice | null {
  return latest.get(view) ?? null;
}

/** Whether the stream has spoken within STREAM_QUIET_MS: while it has not, pages poll. */
export function isLive(now = Date.now()): boolean {
  return now - lastAlive < STREAM_QUIET_MS;
}

/** Calls `listener` when the stream comes alive (from quiet); gives the function that stops. */
export function onAlive(listener: () => void): () => void {
  aliveListeners.add(listener);
  return () => aliveListeners.delete(listener);
}
