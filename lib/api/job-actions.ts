// POST /api/jobs/actions' work, apart from HTTP: who may act, what the action applies to now, the check
// that this is the set the person confirmed, one upstream call per job with the person's own token, the
// cache told, the audit line written.

import "server-only";
import { z } from "zod";
import { mapLimit } from "@/lib/async/map-limit";
import { sendJobAction } from "@/lib/commcell/job-actions";
import { fetchJob } from "@/lib/commcell/job-details";
import {
  type ActionPreview,
  JOB_ACTIONS,
  type JobAction,
  MAX_JOBS_PER_ACTION,
  previewAction,
} from "@/lib/jobs/actions";
import { parseFilters } from "@/lib/jobs/filters";
import type { Job } from "@/lib/jobs/job";
import { filterJobs } from "@/lib/jobs/select";
import type { StatusKind } from "@/lib/jobs/statuses";
import { sendBatch } from "./action-batch";
import { ApiError, refuseBadParams } from "./api-error";
import type { AuditOutcome } from "./audit-log";
import { cachedJobs } from "./job-view";
import { getRuntime } from "./runtime";
import type { Viewer } from "./viewer";

/** Calls to the CommCell at once for one request: many jobs, but never a flood from one click. */
const UPSTREAM_CONCURRENCY = 4;
export const ACTION_BODY_MAX_BYTES = 64 * 1024;
/** Jobs one request may have read one by one from the CommCell (Job/{id}): a preview must not be a crawl. */
export const READS_PER_REQUEST_MAX = 100;
/** Ids an audit line of a refused request keeps: enough to recognise it, not a thousand per line. */
const REFUSED_IDS_KEPT = 10;

const jobIds = z
  .array(
    z.number({ error: "jobIds must list job ids as numbers" }).int().positive().max(Number.MAX_SAFE_INTEGER),
    {
      error: "jobIds must be a list of job ids (numbers)",
    },
  )
  .min(1, "jobIds must name at least one job")
  .max(MAX_JOBS_PER_ACTION, `jobIds may name at most ${MAX_JOBS_PER_ACTION} jobs`);

const scope = {
  action: z.enum(JOB_ACTIONS, { error: `action must be one of ${JOB_ACTIONS.join(", ")}` }),
  /** The /jobs query string the selection was made in: the jobs' states are read from that view. */
  view: z.string().max(4000, "view is longer than 4000 characters").optional(),
  /** The selection is every job matching `view` (the action's set then includes jobs that match since). */
  allMatching: z.boolean({ error: "allMatching must be true or false" }).optional(),
};

export const PreviewBody = z.object({ ...scope, jobIds: jobIds.optional() });
export const ActionBody = z.object({
  ...scope,
  jobIds,
  reason: z
    .string({ error: "reason must be text" })
    .trim()
    .max(500, "reason is longer than 500 characters")
    .optional(),
  expectedCount: z.number({ error: "expectedCount must be a number" }).int().nonnegative().optional(),
  idempotencyKey: z
    .string({ error: "idempotencyKey is missing: send a new random key with each confirmed action" })
    .regex(/^[A-Za-z0-9_-]{8,128}$/, "idempotencyKey must be 8 to 128 letters, digits, - or _"),
});
export type PreviewRequest = z.infer<typeof PreviewBody>;
export type ActionRequest = z.infer<typeof ActionBody>;

export interface PreviewJob {
  readonly id: number;
  readonly status: string | null;
  readonly statusKind: StatusKind;
  readonly active: boolean;
  readonly client: string | null;
  readonly subclient: string | null;
  readonly type: string | null;
}

export interface PreviewAnswer {
  readonly action: JobAction;
  readonly count: number;
  readonly applicable: readonly PreviewJob[];
  readonly notApplicable: readonly (PreviewJob & { readonly why: string })[];
  readonly unknown: readonly number[];
}

export interface ActionResult extends AuditOutcome {}

export type ActionAnswer =
  | {
      readonly kind: "done";
      readonly results: readonly ActionResult[];
      readonly auditError: string | null;
      /** The CommCell refused the person's token part-way: the jobs after it were not sent. */
      readonly stopped?: string;
    }
  | { readonly kind: "changed"; readonly message: string; readonly preview: PreviewAnswer };

/** Only a person with their own CommCell token acts, and only where actions are on. */
export function assertMayAct(viewer: Viewer): asserts viewer is Viewer & { kind: "user"; name: string } {
  if (viewer.kind !== "user" || viewer.name === null) {
    throw new ApiError(
      403,
      "actions_need_sign_in",
      "Only a person signed in with their own CommCell account may act on jobs; display screens and anonymous viewers may not.",
    );
  }
  if (!getRuntime().server.actionsEnabled)
    throw new ApiError(
      403,
      "actions_disabled",
      "Job actions are turned off on this dashboard (ACTIONS=off).",
    );
}

/** assertMayAct, and the request counted against the person's ACTIONS_PER_MINUTE, before its body is read. */
export function admitAction(viewer: Viewer): asserts viewer is Viewer & { kind: "user"; name: string } {
  assertMayAct(viewer);
  const { actionRate } = getRuntime();
  const waitSeconds = actionRate.take(viewer.cacheKey);
  if (waitSeconds > 0)
    throw new ApiError(
      429,
      "too_many_actions",
      `At most ${actionRate.perMinute} action requests a minute per person (ACTIONS_PER_MINUTE): try again in ${waitSeconds} s.`,
      undefined,
      { "Retry-After": String(waitSeconds) },
    );
}

/**
 * Jobs read one by one from the CommCell (Job/{id}), at most READS_PER_REQUEST_MAX of them: past it the
 * request is refused with `tooMany`, since a preview must not be a crawl. Jobs it has no record of are left out.
 */
async function readEach(viewer: Viewer, ids: readonly number[], tooMany: string): Promise<Job[]> {
  if (ids.length > READS_PER_REQUEST_MAX) throw new ApiError(400, "invalid_parameter", tooMany, "jobIds");
  const read = await mapLimit(ids, UPSTREAM_CONCURRENCY, (id) => fetchJob(viewer.upstream, id));
  return read.filter((job) => job !== null);
}

/** The jobs the action is judged on, as they are now: the view's (through the cache) or each by id. */
async function jobsNow(
  viewer: Viewer,
  request: PreviewRequest,
): Promise<{ ids: readonly number[]; jobs: ReadonlyMap<number, Job> }> {
  if (request.view !== undefined) {
    const { filters, problems } = parseFilters(new URLSearchParams(request.view));
    refuseBadParams(problems.map((problem) => ({ ...problem, message: `view: ${problem.message}` })));
    const answer = await cachedJobs(viewer, filters);
    const matching = filterJobs(answer.value.jobs, filters);
    const jobs = new Map(matching.map((job) => [job.id, job]));
    if (request.allMatching) return { ids: matching.map((job) => job.id), jobs };
    // Chosen rows that left the view since are read one by one: their state, not their absence, decides.
    const missing = (request.jobIds ?? []).filter((id) => !jobs.has(id));
    const tooMany = `${missing.length} of the chosen jobs are no longer in the view, and at most ${READS_PER_REQUEST_MAX} are read one by one: refresh the view and choose again.`;
    for (const job of await readEach(viewer, missing, tooMany)) jobs.set(job.id, job);
    return { ids: request.jobIds ?? [], jobs };
  }
  if (request.allMatching)
    throw new ApiError(400, "invalid_parameter", "allMatching needs the view it refers to.", "view");
  const ids = request.jobIds ?? [];
  const tooMany = `Without the view they were chosen in, at most ${READS_PER_REQUEST_MAX} jobs are read one by one (got ${ids.length}): send view too.`;
  const read = await readEach(viewer, ids, tooMany);
  return { ids, jobs: new Map(read.map((job) => [job.id, job])) };
}

function previewJob(job: Job): PreviewJob {
  return {
    id: job.id,
    status: job.status,
    statusKind: job.statusKind,
    active: job.active,
    client: job.client?.name ?? null,
    subclient: job.subclient?.name ?? null,
    type: job.type,
  };
}

function answerOf(preview: ActionPreview<Job>): PreviewAnswer {
  return {
    action: preview.action,
    count: preview.applicable.length,
    applicable: preview.applicable.map(previewJob),
    notApplicable: preview.notApplicable.map(({ job, why }) => ({ ...previewJob(job), why })),
    unknown: preview.unknown,
  };
}

export async function previewJobAction(viewer: Viewer, request: PreviewRequest): Promise<PreviewAnswer> {
  if (!request.allMatching && (request.jobIds ?? []).length === 0)
    throw new ApiError(
      400,
      "invalid_parameter",
      "jobIds must name at least one job, or set allMatching with a view.",
      "jobIds",
    );
  // The preview says how many, however many: the action itself takes at most MAX_JOBS_PER_ACTION.
  const { ids, jobs } = await jobsNow(viewer, request);
  return answerOf(previewAction(request.action, ids, jobs));
}

const sameSet = (a: readonly number[], b: readonly number[]) => {
  const set = new Set(a);
  return set.size === new Set(b).size && b.every((id) => set.has(id));
};

export async function performJobAction(
  viewer: Viewer & { name: string },
  request: ActionRequest,
): Promise<ActionAnswer> {
  const { cache, jobReads, audit } = getRuntime();
  const reason = request.reason || null;
  const { ids, jobs } = await jobsNow(viewer, request);
  const preview = previewAction(request.action, ids, jobs);
  const acting = preview.applicable.map((job) => job.id);
  // The set is the one confirmed, or nothing is done: a changed view gets its new preview instead.
  const changed = request.allMatching
    ? !sameSet(acting, request.jobIds)
    : request.expectedCount !== undefined && acting.length !== request.expectedCount;
  if (changed) {
    const message = `The jobs have changed since the preview: ${acting.length} now match for ${request.action}, not ${request.expectedCount ?? request.jobIds.length}. Check the new preview and confirm again.`;
    // Compact: nothing was sent, so the ids named are kept as their count and first few.
    await audit.record({
      at: new Date().toISOString(),
      user: viewer.name,
      userId: viewer.cacheKey,
      action: request.action,
      jobIds: request.jobIds.slice(0, REFUSED_IDS_KEPT),
      jobCount: request.jobIds.length,
      reason,
      results: [],
      refused: message,
    });
    return { kind: "changed", message, preview: answerOf(preview) };
  }
  const skipped: ActionResult[] = [
    ...preview.notApplicable.map(({ job, why }) => ({
      jobId: job.id,
      outcome: "not_applicable" as const,
      message: `Not sent: ${why}.`,
    })),
    ...preview.unknown.map((jobId) => ({
      jobId,
      outcome: "not_applicable" as const,
      message: "Not sent: the CommCell has no such job, or it is not visible to you.",
    })),
  ];
  const entry = {
    user: viewer.name,
    userId: viewer.cacheKey,
    action: request.action,
    jobIds: request.jobIds,
    reason,
  };
  const intentError = await audit.record({
    at: new Date().toISOString(),
    ...entry,
    results: [],
    sending: acting,
  });
  const { results: sent, stoppedBy } = await sendBatch(
    acting,
    UPSTREAM_CONCURRENCY,
    async (jobId): Promise<ActionResult> => {
      const result = await sendJobAction(viewer.upstream, request.action, jobId, reason);
      if (result.outcome === "refused") return { jobId, outcome: "refused", message: result.message };
      return {
        jobId,
        outcome: "accepted",
        message: result.newJobId ? `Resubmitted as job ${result.newJobId}.` : "Accepted by the CommCell.",
        ...(result.newJobId ? { newJobId: result.newJobId } : {}),
      };
    },
  );
  const acted = new Set(sent.filter((result) => result.outcome === "accepted").map((result) => result.jobId));
  if (acted.size > 0) {
    cache.expireHolding(acted, viewer.cacheKey);
    jobReads.forgetJobs(acted);
  }
  const results = [...sent, ...skipped];
  const stopped = stoppedBy ? `The CommCell refused your token part-way: ${stoppedBy.message}` : undefined;
  const auditError =
    (await audit.record({
      at: new Date().toISOString(),
      ...entry,
      results,
      ...(stopped ? { refused: stopped } : {}),
    })) ?? intentError;
  // Answered, not thrown, even when cut short: the idempotency key keeps what was done, so a retry with
  // it answers that instead of sending again. The person's next request ends their session.
  return { kind: "done", results, auditError, ...(stopped ? { stopped } : {}) };
}
