// When the answer a polled view shows was fetched from the CommCell (ISO 8601), on every answer including a
// 304. A view's entity tag covers what it shows, not how old it is: a refresh that changed nothing keeps
// the tag, so the page keeps its rows (a 304, nothing sent again) and takes the new time from this header.
// Here, apart from the server's code, because the browser reads it too.
export const FETCHED_AT_HEADER = "X-Fetched-At";

/** The header's time when it is one (an ISO 8601 string Date can read), else null. */
export function fetchedAtOf(value: string | null | undefined): string | null {
  return typeof value === "string" && value.length <= 40 && !Number.isNaN(Date.parse(value)) ? value : null;
}
