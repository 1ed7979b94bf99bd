// The browser's side of the API's one error shape: a failed answer becomes an ApiFailure carrying the
// status and the server's own message, so a page can say what went wrong (and spot a 401).

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function fetchApi<T>(path: string, signal?: AbortSignal): Promise<T> {
  const answer = await fetchApiTagged<T>(path, signal, null);
  if (answer.kind === "unchanged")
    throw new ApiFailure(304, "The server answered 304 to a request without a tag.");
  return answer.data;
}

export type Tagged<T> =
  | { readonly kind: "unchanged"; readonly headers: Headers }
  | { readonly kind: "fresh"; readonly data: T; readonly etag: string | null; readonly headers: Headers };

/** As fetchApi, sending the tag of the answer held (If-None-Match): "unchanged" when the server says 304. */
export async function fetchApiTagged<T>(
  path: string,
  signal: AbortSignal | undefined,
  etag: string | null,
): Promise<Tagged<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      signal,
      headers: { Accept: "application/json", ...(etag ? { "If-None-Match": etag } : {}) },
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiFailure(0, "The dashboard's server could not be reached.");
  }
  if (response.status === 304) return { kind: "unchanged", headers: response.headers };
  const body = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!response.ok)
    throw new ApiFailure(
      response.status,
      body?.error?.message ?? `The server answered HTTP ${response.status}.`,
    );
  if (!body) throw new ApiFailure(response.status, "The server's answer was not JSON.");
  return { kind: "fresh", data: body, etag: response.headers.get("etag"), headers: response.headers };
}
