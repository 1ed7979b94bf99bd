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
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { Accept: "application/json" } });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiFailure(0, "The dashboard's server could not be reached.");
  }
  const body = (await response.json().catch(() => null)) as (T & { error?: { message?: string } }) | null;
  if (!response.ok)
    throw new ApiFailure(
      response.status,
      body?.error?.message ?? `The server answered HTTP ${response.status}.`,
    );
  if (!body) throw new ApiFailure(response.status, "The server's answer was not JSON.");
  return body;
}
