// Conditional answers: a poller that already holds an answer sends its entity tag (If-None-Match) and gets
// 304 with no body when nothing changed, so a hundred viewers of an unchanged view cost no serialization
// and no transfer. Answers stay `no-store`: the browser's cache never holds job data; the page keeps the
// last answer itself and sends its tag by hand.

import { NO_STORE } from "./api-error";

/** Whether an If-None-Match header names this tag (a list, weak tags, or `*`). */
export function matchesTag(header: string | null, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header
    .split(",")
    .map((tag) => tag.trim())
    .some((tag) => tag === "*" || tag.replace(/^W\//, "") === bare);
}

export function conditionalJson(request: Request, body: string, etag: string): Response {
  const headers = { ...NO_STORE, ETag: etag };
  if (matchesTag(request.headers.get("if-none-match"), etag))
    return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "application/json" } });
}
