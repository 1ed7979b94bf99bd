// POST Jobs' body, as Commvault's SDKs send it (cvpysdk's JobController, Commvault's MCP server):
// {"scope": 1, "category": 0 all | 1 active | 2 finished, "pagingConfig": {"sortDirection", "offset",
// "sortField", "limit"}, "jobFilter": {"completedJobLookupTime", "showAgedJobs", "hideAdminJobs",
// "clientList": [{"clientId"}], "jobTypeList": [codes], "statusList": ["Failed", ...]}}.

import type { JobQuery } from "../model/commcell";
import { QueryError, readJobFilter } from "./job-query";

const CATEGORY_BY_CODE = { 0: "all", 1: "active", 2: "finished" } as const;
const YEAR = 365 * 86_400;

export interface JobsRequest {
  /** What GET Job's list takes; the paging is done after the statuses and clients are applied. */
  readonly query: JobQuery;
  readonly clientIds: readonly number[] | null;
  /** Status texts, compared case-insensitively; null for any. */
  readonly statuses: ReadonlySet<string> | null;
  readonly ascending: boolean;
  readonly offset: number;
  readonly limit: number;
}

type Raw = Record<string, unknown>;
const object = (value: unknown): Raw =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Raw) : {};

function whole(name: string, value: unknown, fallback: number): number {
  if (value === undefined || value === null) return fallback;
  const number = typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof number !== "number" || !Number.isSafeInteger(number) || number < 0)
    throw new QueryError(`Invalid ${name} value [${JSON.stringify(value)}]`);
  return number;
}

export function readJobsBody(body: unknown): JobsRequest {
  const root = object(body);
  const code = whole("category", root.category, 0);
  const category = CATEGORY_BY_CODE[code as keyof typeof CATEGORY_BY_CODE];
  if (!category) throw new QueryError(`Invalid category value [${code}]; valid values are 0, 1, 2`);
  const paging = object(root.pagingConfig);
  const filter = object(root.jobFilter);
  const types = Array.isArray(filter.jobTypeList) ? filter.jobTypeList.map(String) : [];
  const clients = Array.isArray(filter.clientList)
    ? filter.clientList.map((client) => whole("clientId", object(client).clientId, 0))
    : [];
  const statuses = Array.isArray(filter.statusList)
    ? new Set(filter.statusList.map((status) => String(status).trim().toLowerCase()))
    : null;
  return {
    query: {
      category,
      // The SDKs send job type codes; none means every type (POST Jobs does not default to backups).
      kinds: types.length === 0 ? null : readJobFilter(types.join(",")),
      clientId: clients.length === 1 ? (clients[0] as number) : null,
      lookupSeconds: whole("completedJobLookupTime", filter.completedJobLookupTime, YEAR),
      offset: 0,
      limit: Number.MAX_SAFE_INTEGER,
    },
    clientIds: clients.length > 1 ? clients : null,
    statuses: statuses && statuses.size > 0 ? statuses : null,
    ascending: whole("sortDirection", paging.sortDirection, 1) === 0,
    offset: whole("offset", paging.offset, 0),
    limit: Math.max(1, whole("limit", paging.limit, 100)),
  };
}
