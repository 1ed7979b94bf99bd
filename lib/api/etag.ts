// Conditional answers: a poller that already holds an answer sends its entity tag (If-None-Match) and gets
// 304 with no body when nothing changed, so a hundred viewers of an unchanged view cost no serialization
// and no transfer. Answers stay `no-store`: the browser's cache never holds job data; the page keeps the
// last answer itself and sends its tag by hand.
//
// A body that is sent is sent as bytes made once per answer version too: its UTF-8 and, for a client that
// takes gzip (every browser), its gzip. Profiled under a hundred pollers, Next compressing the same JSON
// again for every request, and encoding the string to bytes, were the largest costs after the GC.

import { createHash } from "node:crypto";
import { constants, gzipSync } from "node:zlib";
import { SERVER_TIME_HEADER } from "@/lib/http/server-time";
import { NO_STORE } from "./api-error";

export interface TaggedBody {
  readonly body: string;
  readonly etag: string;
  /** The body's UTF-8. */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** The body gzipped, made at the first client that takes it. */
  gzip(): Uint8Array<ArrayBuffer>;
}

/** A Buffer as the plain Uint8Array a Response takes, without copying it. */
function viewOf(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
}

/** The JSON of a value and its entity tag: made once per answer version by the callers' memos. */
export function taggedJson(value: unknown): TaggedBody {
  const body = JSON.stringify(value);
  const bytes = viewOf(Buffer.from(body, "utf8"));
  let gzipped: Uint8Array<ArrayBuffer> | null = null;
  return {
    body,
    bytes,
    etag: `"${createHash("sha1").update(bytes).digest("base64url")}"`,
    // Level 1: a 10,000-row body compresses in a few tens of ms, once, and still to a fraction of its size.
    gzip: () => {
      gzipped ??= viewOf(gzipSync(bytes, { level: constants.Z_BEST_SPEED }));
      return gzipped;
    },
  };
}

/** Whether a request's Accept-Encoding takes gzip (and does not refuse it with q=0). */
export function takesGzip(header: string | null): boolean {
  if (!header) return false;
  return header.split(",").some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    return (coding === "gzip" || coding === "*") && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** Whether an If-None-Match header names this tag (a list, weak tags, or `*`). */
export function matchesTag(header: string | null, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header
    .split(",")
    .map((tag) => tag.trim())
    .some((tag) => tag === "*" || tag.replace(/^W\//, "") === bare);
}

export function conditionalJson(request: Request, tagged: TaggedBody): Response {
  const headers = {
    ...NO_STORE,
    ETag: tagged.etag,
    Vary: "Accept-Encoding",
    [SERVER_TIME_HEADER]: String(Date.now()),
  };
  if (matchesTag(request.headers.get("if-none-match"), tagged.etag))
    return new Response(null, { status: 304, headers });
  const json = { ...headers, "Content-Type": "application/json" };
  // Sent already encoded, Next does not compress it again.
  if (takesGzip(request.headers.get("accept-encoding")))
    return new Response(tagged.gzip(), { headers: { ...json, "Content-Encoding": "gzip" } });
  return new Response(tagged.bytes, { headers: json });
}
