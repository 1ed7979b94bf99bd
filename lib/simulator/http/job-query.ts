// GET /Job's inputs as the API documents them: clientId, completedJobLookupTime, jobCategory, jobFilter
// in the query string, limit and offset in headers (or, as some clients send them, the query string).

import type { IncomingHttpHeaders } from "node:http";
import {
  ALL_OPERATIONS,
  OTHER_FILTER_CODES,
  OTHER_FILTER_WORDS,
  SIM_JOB_KIND_INFO,
  SIM_JOB_KINDS,
  type SimJobKind,
} from "../model/catalog";
import type { JobQuery } from "../model/commcell";

export class QueryError extends Error {
  override readonly name = "QueryError";
}

const YEAR = 365 * 86_400;
const DEFAULT_LIMIT = 100;

/** `jobFilter`: absent = backups only; present but empty = every type; else words or codes, comma-separated. */
export function readJobFilter(value: string | null): ReadonlySet<SimJobKind> | null {
  if (value === null) return new Set<SimJobKind>(["backup"]);
  const tokens = value
    .split(",")
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== "");
  if (tokens.length === 0) return null;
  const kinds = new Set<SimJobKind>();
  for (const token of tokens) {
    if (token === ALL_OPERATIONS.word || token === String(ALL_OPERATIONS.code)) return null;
    const numeric = /^\d+$/.test(token) ? Number(token) : null;
    const kind = SIM_JOB_KINDS.find((k) =>
      numeric === null
        ? SIM_JOB_KIND_INFO[k].filterWords.includes(token)
        : SIM_JOB_KIND_INFO[k].filterCodes.includes(numeric),
    );
    if (kind) kinds.add(kind);
    else if (
      !(numeric === null ? OTHER_FILTER_WORDS.includes(token) : OTHER_FILTER_CODES.includes(numeric))
    ) {
      throw new QueryError(`Invalid jobFilter value [${token}]`);
    }
  }
  return kinds;
}

function wholeNumber(name: string, value: string | null, fallback: number, min: number): number {
  if (value === null || value === "") return fallback;
  if (!/^\d+$/.test(value.trim())) throw new QueryError(`Invalid ${name} value [${value}]`);
  const number = Number(value);
  if (number < min) throw new QueryError(`Invalid ${name} value [${value}]`);
  return number;
}

function header(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
}

export function readJobQuery(params: URLSearchParams, headers: IncomingHttpHeaders): JobQuery {
  const category = (params.get("jobCategory") ?? "All").toLowerCase();
  if (category !== "active" && category !== "finished" && category !== "all") {
    throw new QueryError(
      `Invalid jobCategory value [${params.get("jobCategory")}]; valid values are Active, Finished, All`,
    );
  }
  const clientText = params.get("clientId");
  return {
    category,
    kinds: readJobFilter(params.get("jobFilter")),
    clientId: clientText === null ? null : wholeNumber("clientId", clientText, 0, 0),
    lookupSeconds: wholeNumber("completedJobLookupTime", params.get("completedJobLookupTime"), YEAR, 0),
    limit: wholeNumber("limit", header(headers, "limit") ?? params.get("limit"), DEFAULT_LIMIT, 1),
    offset: wholeNumber("offset", header(headers, "offset") ?? params.get("offset"), 0, 0),
  };
}
