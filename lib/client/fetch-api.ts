// The browser's side of the API's one error shape: a failed answer becomes an ApiFailure carrying the
// status and the server's own message, so a page can say what went wrong (and spot a 401). Answers of
// polled views come as the gzip the server made once per version (lib/http/gzipped-body.ts), read here.

import {
  DERIVED_FROM_HEADER,
  DERIVED_FROM_TAG_HEADER,
  DERIVED_ROWS_CONFIRMED,
  DERIVED_ROWS_HEADER,
} from "@/lib/http/derived-rows";
import { FETCHED_AT_HEADER, fetchedAtOf } from "@/lib/http/fetched-at";
import { BODY_ENCODING_HEADER, GZIP } from "@/lib/http/gzipped-body";
import { readTextSliced } from "./sliced-read";

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchApi<T>(path: string, signal?: AbortSignal): Promise<T> {
  return (await refreshHeld<T>(path, signal, undefined, null)).data;
}

/** Every browser the dashboard supports has it; a client without it is sent plain JSON. */
const READS_GZIP = typeof DecompressionStream === "function";

/** What every API request of the pages sends: the gzip it reads, and the tag of the answer held. */
export function apiRequestHeaders(etag: string | null): Record<string, string> {
  return {
    Accept: "application/json",
    ...(READS_GZIP ? { [BODY_ENCODING_HEADER]: GZIP } : {}),
    ...(etag ? { "If-None-Match": etag } : {}),
  };
}

/** The answer with its body as the server meant it: the gzip made once, decompressed. */
export function decodedBody(response: Response): Response {
  if (response.headers.get(BODY_ENCODING_HEADER) !== GZIP || !response.body) return response;
  return new Response(response.body.pipeThrough(new DecompressionStream("gzip")));
}

/** The answer's JSON, read in slices (./sliced-read.ts); null when there is no body or it is not JSON. */
async function jsonOf(response: Response): Promise<unknown> {
  const body = decodedBody(response).body;
  if (!body) return null;
  try {
    return JSON.parse(await readTextSliced(body));
  } catch {
    return null;
  }
}

export type Tagged<T> =
  | { readonly kind: "unchanged"; readonly headers: Headers }
  | { readonly kind: "fresh"; readonly data: T; readonly etag: string | null; readonly headers: Headers }
  /** The view without its rows: the ones the page derived are the server's (lib/http/derived-rows.ts). */
  | {
      readonly kind: "confirmed";
      readonly rest: unknown;
      readonly etag: string | null;
      readonly headers: Headers;
    };

/** The held view a page derived the one it asks for from, named so the server can confirm its rows. */
export interface DerivedFrom {
  readonly query: string;
  readonly etag: string;
}

/** As fetchApi, sending the tag of the answer held (If-None-Match): "unchanged" when the server says 304. */
export async function fetchApiTagged<T>(
  path: string,
  signal: AbortSignal | undefined,
  etag: string | null,
  derivedFrom?: DerivedFrom,
): Promise<Tagged<T>> {
  let response: Response;
  const headers = apiRequestHeaders(etag);
  if (derivedFrom) {
    headers[DERIVED_FROM_HEADER] = derivedFrom.query;
    headers[DERIVED_FROM_TAG_HEADER] = derivedFrom.etag;
  }
  try {
    response = await fetch(path, { signal, headers });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiFailure(0, "The dashboard's server could not be reached.");
  }
  if (response.status === 304) return { kind: "unchanged", headers: response.headers };
  const body = (await jsonOf(response)) as (T & { error?: { message?: string } }) | null;
  // Cancelled while the body was read: a cancellation, not a body that was not JSON.
  if (body === null && signal?.aborted) throw signal.reason;
  if (!response.ok)
    throw new ApiFailure(
      response.status,
      body?.error?.message ?? `The server answered HTTP ${response.status}.`,
    );
  if (!body) throw new ApiFailure(response.status, "The server's answer was not JSON.");
  const tag = response.headers.get("etag");
  if (derivedFrom && response.headers.get(DERIVED_ROWS_HEADER) === DERIVED_ROWS_CONFIRMED)
    return { kind: "confirmed", rest: body, etag: tag, headers: response.headers };
  return { kind: "fresh", data: body, etag: tag, headers: response.headers };
}

/** A view the page derived from one it holds: which one, and how the server's rowless answer completes it. */
export interface Derived<T> {
  readonly from: DerivedFrom;
  /** The view from the server's answer without rows and the rows derived; null when they do not fit. */
  readonly complete: (rest: unknown) => T | null;
}

export interface Refreshed<T> {
  readonly data: T;
  /** The tag of `data`: the server's, or the held one's when it answered 304. */
  readonly etag: string | null;
  readonly headers: Headers;
}

/**
 * A held answer brought up to date: its tag is sent and a 304 keeps it, with the time of the refresh that
 * found it unchanged (FETCHED_AT_HEADER) when the server names one. Nothing held, no tag sent: a 304 then
 * is the server's mistake, and a failure rather than nothing to show.
 */
export async function refreshHeld<T>(
  path: string,
  signal: AbortSignal | undefined,
  held: T | undefined,
  heldTag: string | null,
  derived?: Derived<T>,
): Promise<Refreshed<T>> {
  const tag = held === undefined ? null : heldTag;
  const answer = await fetchApiTagged<T>(path, signal, tag, derived?.from);
  if (answer.kind === "fresh") return { data: answer.data, etag: answer.etag, headers: answer.headers };
  if (answer.kind === "confirmed") {
    const data = derived?.complete(answer.rest) ?? null;
    if (data !== null) return { data, etag: answer.etag, headers: answer.headers };
    // The server confirmed rows the page cannot match with what it said of them (another total): asked
    // again for the whole view, which is the server's word whatever the page computed.
    return refreshHeld(path, signal, held, heldTag);
  }
  if (held === undefined) throw new ApiFailure(304, "The server answered 304 to a request without a tag.");
  return {
    data: withFetchedAt(held, answer.headers.get(FETCHED_AT_HEADER)),
    etag: tag,
    headers: answer.headers,
  };
}

/**
 * The held view told it was found unchanged at `fetchedAt`: a copy with that time, when the view has a
 * `fetchedAt` of its own and this is a time and a new one; else the held view itself.
 */
export function withFetchedAt<T>(held: T, fetchedAt: string | null | undefined): T {
  const time = fetchedAtOf(fetchedAt);
  const own = (held as { fetchedAt?: unknown }).fetchedAt;
  return time === null || typeof own !== "string" || time === own ? held : { ...held, fetchedAt: time };
}
