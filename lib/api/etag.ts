// Conditional answers: a poller that already holds an answer sends its entity tag (If-None-Match) and gets
// 304 with no body when nothing changed, so a hundred viewers of an unchanged view cost no serialization
// and no transfer. Answers stay `no-store`: the browser's cache never holds job data; the page keeps the
// last answer itself and sends its tag by hand.
//
// A body that is sent is sent as bytes made once per answer version too (its UTF-8): profiled under a
// hundred pollers, encoding the same string again for every request was among the largest costs. (Sending
// it gzipped once was tried: Next 16 drops a route handler's Content-Encoding header and sent the gzip as
// if it were the JSON; it compresses each response itself.)

import { createHash } from "node:crypto";
import { SERVER_TIME_HEADER } from "@/lib/http/server-time";
import { NO_STORE } from "./api-error";

export interface TaggedBody {
  readonly body: string;
  readonly etag: string;
  /** The body's UTF-8. */
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** A Buffer as the plain Uint8Array a Response takes, without copying it. */
function viewOf(buffer: Buffer): Uint8Array<ArrayBuffer> {
  return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
}

/** The JSON of a value and its entity tag: made once per answer version by the callers' memos. */
export function taggedJson(value: unknown): TaggedBody {
  const body = JSON.stringify(value);
  const bytes = viewOf(Buffer.from(body, "utf8"));
  return {
    body,
    bytes,
    etag: `"${createHash("sha1").update(bytes).digest("base64url")}"`,
  };
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
    [SERVER_TIME_HEADER]: String(Date.now()),
  };
  if (matchesTag(request.headers.get("if-none-match"), tagged.etag))
    return new Response(null, { status: 304, headers });
  return new Response(tagged.bytes, { headers: { ...headers, "Content-Type": "application/json" } });
}
