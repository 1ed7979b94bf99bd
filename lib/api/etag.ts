// Conditional answers: a poller that already holds an answer sends its entity tag (If-None-Match) and gets
// 304 with no body when nothing changed, so a hundred viewers of an unchanged view cost no serialization
// and no transfer. Answers stay `no-store`: the browser's cache never holds job data; the page keeps the
// last answer itself and sends its tag by hand.

import { createHash } from "node:crypto";
import { SERVER_TIME_HEADER } from "@/lib/http/server-time";
import { NO_STORE } from "./api-error";

export interface TaggedBody {
  readonly body: string;
  readonly etag: string;
}

/** The JSON of a value and its entity tag: made once per answer version by the callers' memos. */
export function taggedJson(value: unknown): TaggedBody {
  const body = JSON.stringify(value);
  return { body, etag: `"${createHash("sha1").update(body).digest("base64url")}"` };
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

export function conditionalJson(request: Request, { body, etag }: TaggedBody): Response {
  const headers = { ...NO_STORE, ETag: etag, [SERVER_TIME_HEADER]: String(Date.now()) };
  if (matchesTag(request.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "application/json" } });
}
