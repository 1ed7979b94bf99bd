// The URL parameters as nuqs parsers, made from the same definitions the API uses (filters.ts and
// view-params.ts), so a page and /api/jobs read a URL alike. A value that does not parse becomes the
// default here; the page lists such values in a notice (invalidUrlValues).

import { createParser } from "nuqs";
import { DEFAULT_FILTERS, FILTER_PARAMS, type JobFilters } from "./filters";
import { type ParamDefinition, type ParamProblem, type ParamTable, parseParams } from "./url-params";
import { DEFAULT_VIEW, VIEW_PARAMS, type ViewParams } from "./view-params";

function parserOf<T>(definition: ParamDefinition<T>, fallback: T) {
  return createParser<T>({
    parse: (text) => {
      try {
        return definition.parse(text);
      } catch {
        return null;
      }
    },
    serialize: definition.serialize,
    // Values compare by what they write: two lists with the same items are the same filter.
    eq: (a, b) => definition.serialize(a) === definition.serialize(b),
  })
    .withDefault(fallback as NonNullable<T>)
    .withOptions({ clearOnDefault: true });
}

type Parsers<T> = { [K in keyof T]: ReturnType<typeof parserOf<T[K]>> };

function parsersOf<T extends object>(definitions: ParamTable<T>, defaults: T): Parsers<T> {
  return Object.fromEntries(
    Object.keys(definitions).map((key) => [
      key,
      parserOf(definitions[key as keyof T], defaults[key as keyof T]),
    ]),
  ) as unknown as Parsers<T>;
}

export const FILTER_PARSERS = parsersOf<JobFilters>(FILTER_PARAMS, DEFAULT_FILTERS);
export const VIEW_PARSERS = parsersOf<ViewParams>(VIEW_PARAMS, DEFAULT_VIEW);
export const PAGE_PARSERS = { ...FILTER_PARSERS, ...VIEW_PARSERS };

/** Parameters present in a URL whose values were dropped, with why: shown to the viewer, never a crash. */
export function invalidUrlValues(params: URLSearchParams): ParamProblem[] {
  return [
    ...parseParams<JobFilters>(FILTER_PARAMS, DEFAULT_FILTERS, params).problems,
    ...parseParams<ViewParams>(VIEW_PARAMS, DEFAULT_VIEW, params).problems,
  ];
}
