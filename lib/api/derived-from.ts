// The held view a page says it derived the requested one from (lib/http/derived-rows.ts), read from the
// request's headers. Both headers or neither: a tag without its view, or a view the filters cannot read,
// is a 400 that names the header, not a silent full answer that would hide a broken page.

import { DERIVED_FROM_HEADER, DERIVED_FROM_TAG_HEADER } from "@/lib/http/derived-rows";
import { type JobFilters, parseFilters } from "@/lib/jobs/filters";
import { ApiError } from "./api-error";

export interface DerivedFrom {
  readonly filters: JobFilters;
  readonly etag: string;
}

/** The headers a confirmed answer depends on, for its Vary. */
export const DERIVED_FROM_HEADERS = [DERIVED_FROM_HEADER, DERIVED_FROM_TAG_HEADER] as const;

export function derivedFromOf(request: Request): DerivedFrom | null {
  const query = request.headers.get(DERIVED_FROM_HEADER);
  const etag = request.headers.get(DERIVED_FROM_TAG_HEADER);
  if (query === null && etag === null) return null;
  if (query === null || etag === null || etag.trim() === "")
    throw new ApiError(
      400,
      "invalid_header",
      `${DERIVED_FROM_HEADER} and ${DERIVED_FROM_TAG_HEADER} go together: send both, or neither.`,
    );
  const { filters, problems } = parseFilters(new URLSearchParams(query));
  const [problem] = problems;
  if (problem)
    throw new ApiError(400, "invalid_header", `${DERIVED_FROM_HEADER}: ${problem.message}`, problem.param);
  return { filters, etag: etag.trim() };
}
