// The paths the parser benchmark compares, each measured against the library call it builds on.
// `fxp-plain` is fast-xml-parser's plain parse with attributes on (its defaults otherwise): the baseline
// the XML target is set against. `fxp-configured` is the same library with the options parseJobList uses
// (values kept as strings, no prefix), shown so the table also says what the dashboard's own work costs.
export const PARSE_MODES = [
  "json-parse",
  "parseJobList-json",
  "fxp-plain",
  "fxp-configured",
  "parseJobList-xml",
] as const;
export type ParseMode = (typeof PARSE_MODES)[number];

/** The body each path reads: a new path fails the build until it is given one. */
export const PARSE_MODE_FORMAT: Record<ParseMode, "json" | "xml"> = {
  "json-parse": "json",
  "parseJobList-json": "json",
  "fxp-plain": "xml",
  "fxp-configured": "xml",
  "parseJobList-xml": "xml",
};
