// Conditional answers: a poller that already holds an answer sends its entity tag (If-None-Match) and gets
// 304 with no body when nothing changed, so a hundred viewers of an unchanged view cost no serialization
// and no transfer. Answers stay `no-store`: the browser's cache never holds job data; the page keeps the
// last answer itself and sends its tag by hand.
//
// A body that is sent is sent as bytes made once per answer version too (its UTF-8, and for the
// dashboard's own pages its gzip: lib/http/gzipped-body.ts): profiled under a hundred pollers, encoding
// and compressing the same string again for every request were the largest costs.

import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { FETCHED_AT_HEADER } from "@/lib/http/fetched-at";
import { BODY_ENCODING_HEADER, GZIP, GZIP_CONTENT_TYPE } from "@/lib/http/gzipped-body";
import { SERVER_TIME_HEADER } from "@/lib/http/server-time";
import { NO_STORE } from "./api-error";

export interface TaggedBody {
  readonly body: string;
  readonly etag: string;
  /** The body's UTF-8. */
  readonly bytes: Uint8Array<ArrayBuffer>;
  /** The body's UTF-8 gzipped, made on the first request that asks for it (on zlib's threads). */
  readonly gzipped: () => Promise<Uint8Array<ArrayBuffer>>;
  /** For a view: when its answer was fetched (ISO), which the body says and the tag leaves out. */
  readonly fetchedAt: string | null;
}

const gzipAsync = promisify(gzip);

/** A Buffer as the plain Uint8Array a Response takes, without copying it. */
function viewOf(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
}

function tagged(body: string, tagOf: string | Uint8Array, fetchedAt: string | null): TaggedBody {
  const bytes = viewOf(Buffer.from(body, "utf8"));
  let compressed: Promise<Uint8Array<ArrayBuffer>> | null = null;
  return {
    body,
    bytes,
    gzipped: () => {
      compressed ??= gzipAsync(bytes).then(viewOf);
      return compressed;
    },
    etag: `"${createHash("sha1").update(tagOf).digest("base64url")}"`,
    fetchedAt,
  };
}

/** The JSON of a value and its entity tag: made once per answer version by the callers' memos. */
export function taggedJson(value: unknown): TaggedBody {
  const body = JSON.stringify(value);
  return tagged(body, body, null);
}

/**
 * A polled view's JSON: `content` with `fetchedAt` (and `untagged`) before it, tagged by the content alone.
 * A refresh that changed nothing keeps the tag, so pollers get a 304 and the new time in a header
 * (FETCHED_AT_HEADER), and the push channel tells screens the time without their fetching anything.
 * `untagged` is what describes the refresh rather than the view (how long the CommCell took, in how many
 * pages): in the tag, each refresh made a new one, and every viewer fetched every row again per refresh.
 */
export function taggedView(
  content: Readonly<Record<string, unknown>>,
  fetchedAt: string,
  untagged: Readonly<Record<string, unknown>> = {},
): TaggedBody {
  const json = JSON.stringify(content);
  const about = JSON.stringify({ fetchedAt, ...untagged });
  const rest = json === "{}" ? "}" : `,${json.slice(1)}`;
  return tagged(`${about.slice(0, -1)}${rest}`, json, fetchedAt);
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

/** Whether the request says it reads a gzip body (a list of encodings, like Accept-Encoding's). */
function readsGzip(request: Request): boolean {
  const codings = request.headers.get(BODY_ENCODING_HEADER)?.split(",") ?? [];
  return codings.some((coding) => coding.trim().toLowerCase() === GZIP);
}

/**
 * `tagged` as this request asks for it: 304 to its tag, else its bytes (gzipped for a page that reads
 * that). `vary` names the other request headers the answer depends on; `extra` is sent with it.
 */
export async function conditionalJson(
  request: Request,
  tagged: TaggedBody,
  { vary = [], extra = {} }: { vary?: readonly string[]; extra?: Readonly<Record<string, string>> } = {},
): Promise<Response> {
  const headers = {
    ...NO_STORE,
    ETag: tagged.etag,
    [SERVER_TIME_HEADER]: String(Date.now()),
    // The same URL answers in several forms: a cache between must keep them apart.
    Vary: [BODY_ENCODING_HEADER, ...vary].join(", "),
    ...(tagged.fetchedAt ? { [FETCHED_AT_HEADER]: tagged.fetchedAt } : {}),
    ...extra,
  };
  if (matchesTag(request.headers.get("if-none-match"), tagged.etag))
    return new Response(null, { status: 304, headers });
  if (readsGzip(request))
    return new Response(await tagged.gzipped(), {
      headers: {
        ...headers,
        "Cache-Control": `${NO_STORE["Cache-Control"]}, no-transform`,
        "Content-Type": GZIP_CONTENT_TYPE,
        [BODY_ENCODING_HEADER]: GZIP,
      },
    });
  return new Response(tagged.bytes, { headers: { ...headers, "Content-Type": "application/json" } });
}
