// A request as the dashboard's pages send it, with their own headers and body reader
// (lib/client/fetch-api.ts): saying that they read the gzip the server made once per answer version, with
// the tag of the answer held; the body decompressed as the page does, so the client's side of the work is
// in the latency too.

import { apiRequestHeaders, decodedBody } from "@/lib/client/fetch-api";

export interface PageAnswer {
  readonly status: number;
  readonly etag: string | null;
  /** The JSON text, for a 200. */
  readonly text: string | null;
}

export async function pageFetch(url: string, tag: string | null = null): Promise<PageAnswer> {
  const response = await fetch(url, { headers: apiRequestHeaders(tag) });
  const text = response.status === 304 ? null : await decodedBody(response).text();
  return { status: response.status, etag: response.headers.get("etag"), text };
}
