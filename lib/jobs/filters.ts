// The dashboard's URL filters: one definition per parameter, shared by the pages (through nuqs, see
// filter-parsers.ts) and the API routes. The same names on pages and API, so a page URL and an API URL read
// alike. The URL is untrusted input: every value is parsed strictly, and a bad one names its parameter.

import { BACKUP_LEVEL_KINDS, type BackupLevelKind } from "./backup-levels";
import { JOB_TYPE_KEYS, type JobTypeKey, jobTypeKeyOfFilterToken } from "./job-types";
import { isStatusKind, type StatusKind } from "./statuses";
import {
  ParamError,
  type ParamProblem,
  type ParamTable,
  parseParams,
  serializeParams,
  wholeNumberParam,
} from "./url-params";

export const CATEGORIES = ["active", "finished", "all"] as const;
export type Category = (typeof CATEGORIES)[number];

/** Named time windows for finished jobs, in seconds. */
export const WINDOWS = {
  "1h": 3600,
  "24h": 86_400,
  "7d": 604_800,
  "30d": 2_592_000,
  "1y": 31_536_000,
} as const;
export type WindowName = keyof typeof WINDOWS;

/** The name of a window in seconds ("7d"), or null for a custom one. */
export function windowName(seconds: number): WindowName | null {
  return (Object.keys(WINDOWS) as WindowName[]).find((name) => WINDOWS[name] === seconds) ?? null;
}
/**
 * Besides the named windows, whole hours up to 366 days ("6h", "48h"). Not any number of seconds: every
 * distinct window is its own cache entry and its own full upstream fetch, so the set a viewer can ask for
 * stays small.
 */
export const WINDOW_MAX_HOURS = 8784; // 366 days: the CommCell keeps a year

export const SORT_COLUMNS = [
  "id",
  "status",
  "type",
  "level",
  "client",
  "agent",
  "backupSet",
  "subclient",
  "phase",
  "progress",
  "start",
  "end",
  "elapsed",
  "lastUpdate",
  "appSize",
  "mediaSize",
  "savings",
  "files",
  "failedFiles",
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export interface Sort {
  readonly column: SortColumn;
  readonly descending: boolean;
}

export const PAGE_SIZE_MAX = 10_000;

export interface SavingsRange {
  readonly min: number | null;
  readonly max: number | null;
}
const TEXT_MAX = 200;

export interface JobFilters {
  readonly category: Category;
  /** Job types to ask the CommCell for; "all" for every type. */
  readonly type: readonly JobTypeKey[] | "all";
  /** Status kinds to keep; empty keeps every status. */
  readonly status: readonly StatusKind[];
  /** A client id (sent upstream) or name (matched here). */
  readonly client: string | null;
  readonly clientGroup: string | null;
  readonly agent: string | null;
  readonly level: readonly BackupLevelKind[];
  /** How far back finished jobs go, in seconds; always sent upstream. */
  readonly window: number;
  readonly q: string | null;
  /**
   * Epoch ms: only jobs that ended (active jobs: started) at or after `from` and before `to`. Applied here,
   * within the window: what an overview chart's bar links to ("the jobs of that night").
   */
  readonly from: number | null;
  readonly to: number | null;
  /** Savings percentage range [min, max), max 100 inclusive; an open side is null. A histogram bar's jobs. */
  readonly savings: SavingsRange | null;
  readonly sort: Sort;
  readonly page: number;
  readonly pageSize: number;
}

export const DEFAULT_FILTERS: JobFilters = {
  category: "all",
  // The API's own default: backups. "All types" is one value away.
  type: ["backup"],
  status: [],
  client: null,
  clientGroup: null,
  agent: null,
  level: [],
  window: WINDOWS["24h"],
  q: null,
  from: null,
  to: null,
  savings: null,
  sort: { column: "id", descending: true },
  page: 1,
  pageSize: 100,
};

export { ParamError };

function list(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function plainText(name: FilterName) {
  return (text: string): string | null => {
    const value = text.trim();
    if (value.length > TEXT_MAX) throw new ParamError(name, `${name} is longer than ${TEXT_MAX} characters`);
    return value === "" ? null : value;
  };
}

function wholeNumber(name: FilterName, min: number, max: number) {
  return (text: string): number => wholeNumberParam(name, text, min, max);
}

const identity = (value: string | null) => value ?? "";

// An ISO date or UTC time, to the minute or second: 2026-11-22, 2026-11-22T18, 2026-11-22T18:30Z.
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2}))?)?Z?)?$/i;

function instant(name: "from" | "to") {
  return (text: string): number | null => {
    const value = text.trim();
    if (value === "") return null;
    const match = INSTANT.exec(value);
    const [year, month, day, hour, minute, second] = (match?.slice(1) ?? []).map((part) => Number(part ?? 0));
    const time = Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
    // Date.UTC rolls 2026-02-31 over into March: a date that does not exist is refused, not moved.
    const date = new Date(time);
    if (
      !match ||
      date.getUTCFullYear() !== year ||
      date.getUTCMonth() !== (month ?? 1) - 1 ||
      date.getUTCDate() !== day ||
      (hour ?? 0) > 23 ||
      (minute ?? 0) > 59 ||
      (second ?? 0) > 59
    ) {
      throw new ParamError(
        name,
        `${name} must be a UTC date or time such as 2026-11-22 or 2026-11-22T18:30Z (got "${text}")`,
      );
    }
    return time;
  };
}

/** The shortest ISO form that says the same instant: a date at midnight, else minutes or seconds. */
function serializeInstant(value: number | null): string {
  if (value === null) return "";
  const iso = new Date(value).toISOString();
  if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
  return iso.endsWith(":00.000Z") ? `${iso.slice(0, 16)}Z` : `${iso.slice(0, 19)}Z`;
}

/** Each parameter's parser and serializer; `satisfies` makes a new filter fail the build until it has both. */
export const FILTER_PARAMS = {
  category: {
    parse(text: string): Category {
      const value = text.trim().toLowerCase();
      if (!(CATEGORIES as readonly string[]).includes(value)) {
        throw new ParamError("category", `category must be one of ${CATEGORIES.join(", ")} (got "${text}")`);
      }
      return value as Category;
    },
    serialize: (value: Category) => value,
  },
  type: {
    parse(text: string): readonly JobTypeKey[] | "all" {
      const tokens = list(text);
      if (tokens.length === 0) throw new ParamError("type", 'type needs at least one job type, or "all"');
      if (tokens.some((token) => token.toLowerCase() === "all")) return "all";
      const keys = new Set<JobTypeKey>();
      for (const token of tokens) {
        const key = jobTypeKeyOfFilterToken(token);
        if (!key)
          throw new ParamError(
            "type",
            `type "${token}" is not a job type (known: ${JOB_TYPE_KEYS.join(", ")}, or a numeric code)`,
          );
        keys.add(key);
      }
      return [...keys];
    },
    serialize: (value: readonly JobTypeKey[] | "all") => (value === "all" ? "all" : value.join(",")),
  },
  status: {
    parse(text: string): readonly StatusKind[] {
      const kinds = new Set<StatusKind>();
      for (const token of list(text)) {
        const kind = token.toLowerCase();
        if (!isStatusKind(kind)) throw new ParamError("status", `status "${token}" is not a status kind`);
        kinds.add(kind);
      }
      return [...kinds];
    },
    serialize: (value: readonly StatusKind[]) => value.join(","),
  },
  client: { parse: plainText("client"), serialize: identity },
  clientGroup: { parse: plainText("clientGroup"), serialize: identity },
  agent: { parse: plainText("agent"), serialize: identity },
  level: {
    parse(text: string): readonly BackupLevelKind[] {
      const kinds = new Set<BackupLevelKind>();
      for (const token of list(text)) {
        const kind = token.toLowerCase();
        if (!(BACKUP_LEVEL_KINDS as readonly string[]).includes(kind)) {
          throw new ParamError(
            "level",
            `level "${token}" is not a backup level (known: ${BACKUP_LEVEL_KINDS.join(", ")})`,
          );
        }
        kinds.add(kind as BackupLevelKind);
      }
      return [...kinds];
    },
    serialize: (value: readonly BackupLevelKind[]) => value.join(","),
  },
  window: {
    parse(text: string): number {
      const value = text.trim().toLowerCase();
      if (value in WINDOWS) return WINDOWS[value as WindowName];
      const hours = /^(\d{1,4})h$/.exec(value);
      if (hours && Number(hours[1]) >= 1 && Number(hours[1]) <= WINDOW_MAX_HOURS)
        return Number(hours[1]) * 3600;
      throw new ParamError(
        "window",
        `window must be ${Object.keys(WINDOWS).join(", ")} or whole hours from 1h to ${WINDOW_MAX_HOURS}h (got "${text}")`,
      );
    },
    serialize(value: number): string {
      const named = (Object.keys(WINDOWS) as WindowName[]).find((name) => WINDOWS[name] === value);
      return named ?? `${Math.max(1, Math.round(value / 3600))}h`;
    },
  },
  q: { parse: plainText("q"), serialize: identity },
  from: { parse: instant("from"), serialize: serializeInstant },
  to: { parse: instant("to"), serialize: serializeInstant },
  savings: {
    parse(text: string): SavingsRange | null {
      const value = text.trim();
      if (value === "") return null;
      const match = /^(-?\d+(?:\.\d+)?)?\.\.(-?\d+(?:\.\d+)?)?$/.exec(value);
      const min = match?.[1] === undefined ? null : Number(match[1]);
      const max = match?.[2] === undefined ? null : Number(match[2]);
      if (!match || (min === null && max === null) || (min !== null && max !== null && max <= min))
        throw new ParamError(
          "savings",
          `savings must be a percentage range such as 10..20, ..0 or 90.. (got "${text}")`,
        );
      return { min, max };
    },
    serialize: (value: SavingsRange | null) =>
      value === null ? "" : `${value.min ?? ""}..${value.max ?? ""}`,
  },
  sort: {
    parse(text: string): Sort {
      const value = text.trim();
      const descending = value.startsWith("-");
      const column = descending ? value.slice(1) : value;
      if (!(SORT_COLUMNS as readonly string[]).includes(column)) {
        throw new ParamError(
          "sort",
          `sort must be a column (${SORT_COLUMNS.join(", ")}), with "-" before it for descending (got "${text}")`,
        );
      }
      return { column: column as SortColumn, descending };
    },
    serialize: (value: Sort) => `${value.descending ? "-" : ""}${value.column}`,
  },
  page: { parse: wholeNumber("page", 1, 1_000_000), serialize: String },
  pageSize: { parse: wholeNumber("pageSize", 1, PAGE_SIZE_MAX), serialize: String },
} satisfies ParamTable<JobFilters>;

export type FilterName = keyof JobFilters;
export const FILTER_NAMES = Object.keys(FILTER_PARAMS) as FilterName[];

export interface ParsedFilters {
  readonly filters: JobFilters;
  /** Parameters that were present but invalid; their defaults were used instead. */
  readonly problems: ParamProblem[];
}

/** A from/to range in words ("ended from 2026-11-22 before 2026-11-23 (UTC)"); null without one. */
export function timeRangeText(from: number | null, to: number | null): string | null {
  if (from === null && to === null) return null;
  const parts = ["ended"];
  if (from !== null) parts.push(`from ${serializeInstant(from)}`);
  if (to !== null) parts.push(`before ${serializeInstant(to)}`);
  return `${parts.join(" ")} (UTC)`;
}

/** A savings range in words: "saving 10 % to under 20 %", "saving under 0 %", "saving 90 % or more". */
export function savingsRangeText(range: SavingsRange | null): string | null {
  if (range === null) return null;
  if (range.min === null) return `saving under ${range.max} %`;
  if (range.max === null) return `saving ${range.min} % or more`;
  return range.max >= 100
    ? `saving ${range.min} % to ${range.max} %`
    : `saving ${range.min} % to under ${range.max} %`;
}

/** Reads filters from a query string; bad values become problems and fall back to the default. */
export function parseFilters(params: URLSearchParams): ParsedFilters {
  const { values: filters, problems } = parseParams<JobFilters>(FILTER_PARAMS, DEFAULT_FILTERS, params);
  if (filters.from !== null && filters.to !== null && filters.to <= filters.from) {
    problems.push({
      param: "to",
      message: `to must be after from (got from ${params.get("from")}, to ${params.get("to")})`,
    });
    return { filters: { ...filters, to: null }, problems };
  }
  return { filters, problems };
}

/** The query string of filters, leaving out values equal to the defaults. */
export function serializeFilters(filters: JobFilters): URLSearchParams {
  return serializeParams<JobFilters>(FILTER_PARAMS, DEFAULT_FILTERS, filters);
}
