// The push channel's HTTP side: which views a stream asks for (checked as strictly as the views' own
// routes check them), and the event stream itself. What is known to break Server-Sent Events behind `next
// start` and proxies is handled here: `no-transform` so compression does not hold chunks back (and
// X-Accel-Buffering for nginx), a heartbeat every 15 s so idle proxies keep the connection and the browser
// knows the stream is alive, the end of a stream noticed both ways (the request's abort and the stream's
// cancel), and a stream ended after five minutes so the browser reconnects and its session is checked
// again.

import "server-only";
import { type JobFilters, parseFilters } from "@/lib/jobs/filters";
import { parseWall } from "@/lib/jobs/wall-params";
import { ApiError } from "./api-error";
import { clientAddress } from "./client-address";
import { getRuntime } from "./runtime";
import { type StreamHolder, StreamQuota } from "./stream-quota";
import { VIEW_KINDS, type ViewKind, type ViewState, viewName, viewWatches } from "./view-watch";
import type { Viewer } from "./viewer";

export const HEARTBEAT_MS = 15_000;
export const STREAM_MAX_MS = 5 * 60_000;
/** Views one stream may watch: the tabs of one browser, not a crawl of every filter. */
export const STREAM_VIEWS_MAX = 16;
/**
 * Streams one server holds at once. Each is a connection and its views' watches tick without further
 * requests, so there is a bound; past it a browser is refused (503) and polls, as without a stream.
 */
export const STREAMS_OPEN_MAX = 2000;
let open = 0;
const quota = new StreamQuota();

/**
 * Who a stream counts against: a signed-in user's identity, or for the service identity (shared by every
 * wall screen and anonymous visitor) the socket's address, so that one visitor cannot use up everyone's.
 */
export function streamHolder(viewer: Viewer, address: string): StreamHolder {
  return viewer.kind === "user"
    ? { holder: `user:${viewer.cacheKey}` }
    : { holder: `address:${address}`, pool: viewer.cacheKey };
}

/** How long the browser waits before reconnecting, told in the stream. */
const RETRY_MS = 3000;

export interface StreamView {
  /** The view as the browser named it, which its events carry back. */
  readonly text: string;
  readonly kind: ViewKind;
  readonly filters: JobFilters;
}

const PARSE = {
  jobs: (params: URLSearchParams) => parseFilters(params),
  wall: (params: URLSearchParams) => parseWall(params),
} as const satisfies Record<
  ViewKind,
  (params: URLSearchParams) => { filters: JobFilters; problems: readonly { message: string }[] }
>;

/** The `view` parameters of a stream: `jobs:<query>` or `wall:<query>`, each query as its route takes it. */
export function parseStreamViews(params: URLSearchParams): StreamView[] {
  const texts = params.getAll("view");
  if (texts.length === 0)
    throw new ApiError(
      400,
      "invalid_parameter",
      "view is required: jobs:<query> or wall:<query>, once per view",
      "view",
    );
  if (texts.length > STREAM_VIEWS_MAX)
    throw new ApiError(
      400,
      "invalid_parameter",
      `at most ${STREAM_VIEWS_MAX} views per stream (got ${texts.length})`,
      "view",
    );
  return texts.map((text) => {
    const colon = text.indexOf(":");
    const kind = text.slice(0, colon) as ViewKind;
    if (colon < 0 || !VIEW_KINDS.includes(kind))
      throw new ApiError(
        400,
        "invalid_parameter",
        `view must start with ${VIEW_KINDS.map((k) => `${k}:`).join(" or ")} (got "${text.slice(0, 40)}")`,
        "view",
      );
    const { filters, problems } = PARSE[kind](new URLSearchParams(text.slice(colon + 1)));
    const [problem] = problems;
    if (problem) throw new ApiError(400, "invalid_parameter", `view ${kind}: ${problem.message}`, "view");
    return { text, kind, filters };
  });
}

const encoder = new TextEncoder();

function event(name: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
}

export function eventStream(request: Request, viewer: Viewer, views: readonly StreamView[]): Response {
  if (open >= STREAMS_OPEN_MAX)
    throw new ApiError(
      503,
      "streams_full",
      `This server holds ${STREAMS_OPEN_MAX} streams already: poll instead.`,
    );
  const giveBack = quota.take(
    streamHolder(viewer, clientAddress(request, getRuntime().server.trustedProxyHops)),
    views.map((view) => viewName(view.kind, view.filters)),
  );
  open++;
  const stops: (() => void)[] = [giveBack];
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    open--;
    for (const stop of stops.splice(0)) stop();
  };
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      const send = (chunk: Uint8Array) => {
        if (ended) return;
        try {
          controller.enqueue(chunk);
        } catch {
          end(); // the stream is gone: the browser left
        }
      };
      send(encoder.encode(`retry: ${RETRY_MS}\n\n`));
      send(event("heartbeat", { serverTime: Date.now() }));
      for (const view of views)
        stops.push(
          viewWatches.watch(viewer, view.kind, view.filters, (state: ViewState, waitMs?: number) =>
            send(event("view", { view: view.text, ...state, ...(waitMs === undefined ? {} : { waitMs }) })),
          ),
        );
      const heartbeat = setInterval(() => send(event("heartbeat", { serverTime: Date.now() })), HEARTBEAT_MS);
      const close = () => {
        end();
        try {
          controller.close();
        } catch {
          // Already closed.
        }
      };
      const lifetime = setTimeout(close, STREAM_MAX_MS);
      stops.push(
        () => clearInterval(heartbeat),
        () => clearTimeout(lifetime),
      );
      // Signed out (here or on another instance): the stream ends now, not at its lifetime.
      if (viewer.sessionId) stops.push(getRuntime().revocations.whenRevoked(viewer.sessionId, close));
      request.signal.addEventListener("abort", end, { once: true });
    },
    cancel: end,
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      "X-Accel-Buffering": "no",
      Connection: "keep-alive",
    },
  });
}
