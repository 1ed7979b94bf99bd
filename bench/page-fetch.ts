// A request as the dashboard's pages send it (lib/client/fetch-api.ts): saying that they read the gzip the
// server made once per answer version, with the tag of the answer held; the body decompressed as the page
// does, so the client's side of the work is in the latency too.

import { BODY_ENCODING_HEADER, GZIP } from "@/lib/http/gzipped-body";

export interface PageAnswer {
  readonly status: number;
  readonly etag: string | null;
  /** The JSON text, for a 200. */
  readonly text: string | null;
}

export async function pageFetch(url: string, tag: string | null = null): Promise<PageAnswer> {
  const response = await fetch(url, {
    headers: { [BODY_ENCODING_HEADER]: GZIP, ...(tag ? { "If-None-Match": tag } : {}) },
  });
  const gzipped = response.headers.get(BODY_ENCODING_HEADER) === GZIP && response.body;
  const text =
    response.status === 304
      ? null
      : await (gzipped
          ? new Response(gzipped.pipeThrough(new DecompressionStream("gzip"))).text()
          : response.text());
  return { status: response.status, etag: response.headers.get("etag"), text };
}
