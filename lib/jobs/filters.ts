// The dashboard's URL filters: one definition per parameter, shared by the pages (through nuqs, see
// filter-parsers.ts) and the API routes. The same names on pages and API, so a page URL and an API URL read
// alike. The URL is untrusted input: every value is parsed strictly, and a bad one names its parameter.

import { BACKUP_LEVEL_KINDS, type BackupLevelKind } from "./backup-levels";
import { JOB_TYPE_KEYS, type JobTypeKey, jobTypeKeyOfFilterToken } from "./job-types";
import { isStatusKind, type StatusKind } from "./statuses";

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
const WINDOW_MIN = 60;
const WINDOW_MAX = 31_622_400; // 366 days: the CommCell keeps a year

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
  sort: { column: "id", descending: true },
  page: 1,
  pageSize: 100,
};

export class FilterError extends Error {
  override readonly name = "FilterError";
  constructor(
    readonly param: FilterName,
    message: string,
  ) {
    super(message);
  }
}

interface FilterParam<T> {
  parse(text: string): T;
  serialize(value: T): string;
}

function list(text: string): string[] {
  return text
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

function plainText(name: FilterName) {
  return (text: string): string | null => {
    const value = text.trim();
    if (value.length > TEXT_MAX) throw new FilterError(name, `${name} is longer than ${TEXT_MAX} characters`);
    return value === "" ? null : value;
  };
}

function wholeNumber(name: FilterName, min: number, max: number) {
  return (text: string): number => {
    if (!/^\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
      throw new FilterError(name, `${name} must be a whole number from ${min} to ${max} (got "${text}")`);
    }
    return Number(text);
  };
}

const identity = (value: string | null) => value ?? "";

/** Each parameter's parser and serializer; `satisfies` makes a new filter fail the build until it has both. */
export const FILTER_PARAMS = {
  category: {
    parse(text: string): Category {
      const value = text.trim().toLowerCase();
      if (!(CATEGORIES as readonly string[]).includes(value)) {
        throw new FilterError("category", `category must be one of ${CATEGORIES.join(", ")} (got "${text}")`);
      }
      return value as Category;
    },
    serialize: (value: Category) => value,
  },
  type: {
    parse(text: string): readonly JobTypeKey[] | "all" {
      const tokens = list(text);
      if (tokens.length === 0) throw new FilterError("type", 'type needs at least one job type, or "all"');
      if (tokens.some((token) => token.toLowerCase() === "all")) return "all";
      const keys = new Set<JobTypeKey>();
      for (const token of tokens) {
        const key = jobTypeKeyOfFilterToken(token);
        if (!key)
          throw new FilterError(
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
        if (!isStatusKind(kind)) throw new FilterError("status", `status "${token}" is not a status kind`);
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
          throw new FilterError(
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
      if (/^\d+$/.test(value) && Number(value) >= WINDOW_MIN && Number(value) <= WINDOW_MAX)
        return Number(value);
      throw new FilterError(
        "window",
        `window must be ${Object.keys(WINDOWS).join(", ")} or seconds from ${WINDOW_MIN} to ${WINDOW_MAX} (got "${text}")`,
      );
    },
    serialize(value: number): string {
      const named = (Object.keys(WINDOWS) as WindowName[]).find((name) => WINDOWS[name] === value);
      return named ?? String(value);
    },
  },
  q: { parse: plainText("q"), serialize: identity },
  sort: {
    parse(text: string): Sort {
      const value = text.trim();
      const descending = value.startsWith("-");
      const column = descending ? value.slice(1) : value;
      if (!(SORT_COLUMNS as readonly string[]).includes(column)) {
        throw new FilterError(
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
} satisfies { [K in keyof JobFilters]: FilterParam<JobFilters[K]> };

export type FilterName = keyof JobFilters;
export const FILTER_NAMES = Object.keys(FILTER_PARAMS) as FilterName[];

export interface ParsedFilters {
  readonly filters: JobFilters;
  /** Parameters that were present but invalid; their defaults were used instead. */
  readonly problems: readonly FilterError[];
}

/** Reads filters from a query string; bad values become problems and fall back to the default. */
export function parseFilters(params: URLSearchParams): ParsedFilters {
  const filters: Record<string, unknown> = { ...DEFAULT_FILTERS };
  const problems: FilterError[] = [];
  for (const name of FILTER_NAMES) {
    const text = params.get(name);
    if (text === null) continue;
    try {
      filters[name] = (FILTER_PARAMS[name] as FilterParam<unknown>).parse(text);
    } catch (error) {
      if (!(error instanceof FilterError)) throw error;
      problems.push(error);
    }
  }
  return { filters: filters as unknown as JobFilters, problems };
}

/** The query string of filters, leaving out values equal to the defaults. */
export function serializeFilters(filters: JobFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const param = FILTER_PARAMS[name] as FilterParam<unknown>;
    const value = param.serialize(filters[name]);
    if (value !== param.serialize(DEFAULT_FILTERS[name])) params.set(name, value);
  }
  return params;
}
