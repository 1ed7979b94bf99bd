// The paths the parser benchmark compares, each measured against the library call it builds on.
export const PARSE_MODES = ["json-parse", "parseJobList-json", "fxp-parse", "parseJobList-xml"] as const;
export type ParseMode = (typeof PARSE_MODES)[number];
