// The simulated web service's routes: Login, Logout, RenewLoginToken, Job, Job/{id}, JobDetails, the job
// actions and Client, each answering as a CommCell does. Faults are applied around it (server.ts).

import type { SimulatedCommCell } from "../model/commcell";
import {
  actionRefusal,
  clientListReply,
  errListReply,
  errorReply,
  iisErrorPage,
  jobDetailsReply,
  jobListReply,
  type Reply,
  UNAUTHORIZED,
} from "./bodies";
import { eventsReply } from "./events-reply";
import type { BodyFault } from "./faults";
import { QueryError, readJobQuery } from "./job-query";
import { type JobsRequest, readJobsBody } from "./jobs-body";
import type { Sessions } from "./sessions";
import { subclientReply } from "./subclient-reply";
import { UserView } from "./user-view";

export interface WebRequest {
  readonly method: string;
  /** Path below the web-service root, without leading slash: "Job", "Job/12/action/kill". */
  readonly path: string;
  readonly params: URLSearchParams;
  readonly headers: import("node:http").IncomingHttpHeaders;
  readonly body: string;
}

/** A job-list reply is marked so that a body fault can replace it. */
export interface RoutedReply extends Reply {
  readonly jobList?: boolean;
}

function authToken(request: WebRequest): string | undefined {
  const value = request.headers.authtoken;
  return Array.isArray(value) ? value[0] : value;
}

function jsonBody(request: WebRequest): Record<string, unknown> | null {
  try {
    const value = JSON.parse(request.body) as unknown;
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

function login(request: WebRequest, sessions: Sessions): Reply {
  const body = jsonBody(request);
  if (!body || typeof body.username !== "string" || typeof body.password !== "string") {
    return errorReply(400, 2, "The request body must be JSON with username and password (base64).");
  }
  const password = Buffer.from(body.password, "base64").toString("utf8");
  const outcome = sessions.login(body.username, password);
  if (outcome.kind === "ok") {
    return {
      status: 200,
      json: {
        aliasName: "1",
        userGUID: outcome.userGuid,
        loginAttempts: 0,
        remainingLockTime: 0,
        smtpAddress: "admin@corp.example",
        userName: body.username,
        providerType: 1,
        ccn: 0,
        token: outcome.token,
        capability: 4328650366975,
        forcePasswordChange: false,
        isAccountLocked: false,
        errList: [],
      },
    };
  }
  if (outcome.kind === "locked") {
    return {
      status: 200,
      json: {
        isAccountLocked: true,
        remainingLockTime: outcome.remainingSeconds,
        errList: [
          {
            errorCode: 1116,
            errLogMessage: `Account is locked. Try again in ${outcome.remainingSeconds} seconds.`,
          },
        ],
      },
    };
  }
  return {
    status: 200,
    json: {
      isAccountLocked: false,
      remainingLockTime: 0,
      loginAttempts: outcome.attemptsLeft,
      errList: [{ errorCode: 1116, errLogMessage: "Invalid Username or Password" }],
    },
  };
}

/** POST Jobs: GET Job's list with the SDKs' extra filters (several clients, statuses), sorted and paged. */
function jobsReply(request: JobsRequest, commcell: UserView): Reply {
  let { jobs } = commcell.listJobs(request.query);
  if (request.clientIds) {
    const wanted = new Set(request.clientIds);
    jobs = jobs.filter((job) => wanted.has(job.plan.subclient?.client.id ?? 0));
  }
  if (request.statuses) {
    const statuses = request.statuses;
    jobs = jobs.filter((job) => statuses.has(job.state.status.toLowerCase()));
  }
  if (request.ascending) jobs = [...jobs].reverse();
  const page = jobs.slice(request.offset, request.offset + request.limit);
  return jobListReply(jobs.length, page, commcell.now(), commcell.estate);
}

/**
 * `operationType` of POST Jobs/MultiJobOperation. 0 (suspend) is the one seen in a real request; 1 and 2 are
 * this simulator's guesses for resume and kill, unverified against a CommCell.
 */
const MULTI_JOB_OPERATIONS = { 0: "pause", 1: "resume", 2: "kill" } as const;

/** The CommCell's refusal of an action the user lacks Job Management for: an error code and its words. */
const NO_PERMISSION_CODE = 5;
function noPermission(user: string, id: number): string {
  return `User [${user}] does not have the Job Management permission on job [${id}].`;
}

/**
 * Several jobs at once. Permissions are all-or-nothing, as Commvault documents: if the user may not act on
 * one of the jobs, none is acted on. Then each job in turn; a job in the wrong state is refused alone.
 */
function multiJobOperation(body: Record<string, unknown> | null, commcell: UserView): Reply {
  const request = (body?.jobOpReq ?? null) as { operationType?: unknown; jobs?: unknown } | null;
  // The reason the person gave goes into the job's event log and its suspension reason.
  const description =
    typeof body?.operationDescription === "string" ? body.operationDescription.slice(0, 500) : undefined;
  const operation = MULTI_JOB_OPERATIONS[request?.operationType as keyof typeof MULTI_JOB_OPERATIONS];
  const ids = Array.isArray(request?.jobs)
    ? request.jobs.map((job) => Number((job as { jobId?: unknown })?.jobId))
    : [];
  if (!operation)
    return errorReply(400, 2, `Invalid operationType [${String(request?.operationType)}]; known: 0, 1, 2`);
  if (ids.length === 0 || ids.some((id) => !Number.isSafeInteger(id) || id <= 0))
    return errorReply(400, 2, 'jobOpReq.jobs must list at least one job as {"jobId": n}');
  // A job the user cannot see counts as one they may not act on: its existence is not given away.
  const denied = ids.filter((id) => commcell.mayControl(id) !== true);
  if (denied.length > 0) {
    const errList = denied.map((id) =>
      commcell.mayControl(id) === null
        ? { errorCode: 2, errLogMessage: `Job [${id}] was not found.` }
        : { errorCode: NO_PERMISSION_CODE, errLogMessage: noPermission(commcell.access.user, id) },
    );
    return { status: 200, json: { errors: [{ errList }] } };
  }
  const errList = ids.flatMap((id) => {
    const result = commcell[operation](id, description);
    return result.ok ? [] : [{ errorCode: 1, errLogMessage: `Job [${id}]: ${result.reason}.` }];
  });
  return { status: 200, json: errList.length === 0 ? { errorCode: 0 } : { errors: [{ errList }] } };
}

/** GET Subclient?clientId=N (that client's subclients) or GET Subclient/{id} (one). */
function subclientsOf(request: WebRequest, segments: readonly string[], view: UserView): Reply {
  if (segments.length === 2) {
    const id = jobId(segments[1]);
    const sub = id === null ? undefined : view.estate.subclients.find((candidate) => candidate.id === id);
    if (!sub) return errorReply(404, 2, `Subclient [${segments[1]}] was not found.`);
    const { subclients, jobs } = view.subclientsOf(sub.client.id);
    if (subclients.length === 0) return errorReply(404, 2, `Subclient [${segments[1]}] was not found.`);
    return subclientReply([sub], jobs, view.now());
  }
  const clientId = jobId(request.params.get("clientId") ?? undefined);
  if (clientId === null) return errorReply(400, 2, "Subclient needs clientId=<a client id>.");
  const { subclients, jobs } = view.subclientsOf(clientId);
  return subclientReply(subclients, jobs, view.now());
}

/** The most events one answer holds, as a real unfiltered answer did. */
const EVENTS_MAX = 100;

/** GET Events: one job's log (`jobId`), or the newest events of recent jobs; `fromTime`/`toTime` bound both. */
function eventsOf(params: URLSearchParams, commcell: UserView): Reply {
  const now = commcell.now();
  const time = (name: string, fallback: number) => {
    const text = params.get(name);
    if (text === null || text === "") return fallback;
    if (!/^\d{1,12}$/.test(text)) throw new QueryError(`Invalid ${name} value [${text}]`);
    return Number(text);
  };
  let from: number;
  let to: number;
  try {
    from = time("fromTime", 0);
    to = time("toTime", now);
  } catch (error) {
    return errorReply(400, 2, (error as Error).message);
  }
  const idText = params.get("jobId");
  const jobs =
    idText === null
      ? commcell.listJobs({
          category: "all",
          kinds: null,
          clientId: null,
          lookupSeconds: Math.max(3600, now - Math.max(from, now - 86_400)),
          offset: 0,
          limit: EVENTS_MAX,
        }).jobs
      : [jobId(idText) === null ? null : commcell.job(Number(idText))].filter((job) => job !== null);
  const events = jobs
    .flatMap((job) => (commcell.events(job.plan.id) ?? []).map((event) => ({ event, job })))
    .filter(({ event }) => event.at >= from && event.at <= to)
    .sort((a, b) => b.event.at - a.event.at || b.event.id - a.event.id)
    .slice(0, EVENTS_MAX);
  return eventsReply(events);
}

function jobId(text: string | undefined): number | null {
  return text && /^\d+$/.test(text) ? Number(text) : null;
}

export function routeWebService(
  request: WebRequest,
  commcell: SimulatedCommCell,
  sessions: Sessions,
): RoutedReply {
  const segments = request.path.split("/").filter((s) => s !== "");
  const [first, second, third, fourth] = segments.map((s) => s.toLowerCase());
  const method = request.method.toUpperCase();

  // The root itself answers as a web server does, before any sign-in: Commvault's SDK checks for a 200
  // before it tries to sign in at all.
  if (segments.length === 0 && method === "GET")
    return { status: 200, text: "CommCell web service (simulated)" };

  if (first === "login" && segments.length === 1) {
    return method === "POST" ? login(request, sessions) : errorReply(405, 1, "Login takes POST.");
  }

  const token = authToken(request);
  if (first === "logout" && segments.length === 1 && method === "POST") {
    return token && sessions.logout(token)
      ? { status: 200, text: "User logged out" }
      : { status: 401, text: "Invalid authorization token provided." };
  }
  if (first === "renewlogintoken" && segments.length === 1 && method === "POST") {
    const body = jsonBody(request);
    const old = typeof body?.sessionId === "string" ? body.sessionId : token;
    const fresh = old ? sessions.renew(old) : null;
    return fresh ? { status: 200, json: { token: fresh } } : UNAUTHORIZED;
  }
  const userName = sessions.use(token);
  if (userName === null) return UNAUTHORIZED;
  // From here on, the CommCell as this user may see it and act on it.
  const view = new UserView(commcell, userName, sessions.roleOf(userName));

  if (first === "job" && method === "GET" && segments.length === 1) {
    try {
      const query = readJobQuery(request.params, request.headers);
      const { total, jobs } = view.listJobs(query);
      return { ...jobListReply(total, jobs, view.now(), view.estate), jobList: true };
    } catch (error) {
      if (error instanceof QueryError) return errorReply(400, 2, error.message);
      throw error;
    }
  }
  if (first === "jobs" && method === "POST" && segments.length === 1) {
    try {
      return { ...jobsReply(readJobsBody(jsonBody(request) ?? {}), view), jobList: true };
    } catch (error) {
      if (error instanceof QueryError) return errorReply(400, 2, error.message);
      throw error;
    }
  }
  if (first === "jobs" && second === "multijoboperation" && method === "POST" && segments.length === 2) {
    return multiJobOperation(jsonBody(request), view);
  }
  if (first === "job" && method === "GET" && segments.length === 2) {
    const id = jobId(second);
    const job = id === null ? null : view.job(id);
    return { ...jobListReply(job ? 1 : 0, job ? [job] : [], view.now(), view.estate), jobList: true };
  }
  if (first === "job" && method === "POST" && segments.length === 4 && third === "action") {
    const id = jobId(second);
    if (id === null) return errorReply(400, 2, `Invalid job id [${segments[1]}]`);
    // Clients differ in case ("Resubmit", "resubmit", "Action"): the segments are compared folded.
    if (fourth === "resubmit") {
      const resubmitted = view.resubmit(id);
      if (!resubmitted.ok && resubmitted.reason === "no permission")
        return actionRefusal(NO_PERMISSION_CODE, noPermission(userName, id));
      if (!resubmitted.ok) return errorReply(200, 1, `Job [${id}]: cannot resubmit, ${resubmitted.reason}.`);
      return { status: 200, json: { jobIds: [String(resubmitted.jobId)] } };
    }
    const action =
      fourth === "pause"
        ? view.pause(id)
        : fourth === "resume"
          ? view.resume(id)
          : fourth === "kill"
            ? view.kill(id)
            : null;
    if (action === null) return errorReply(404, 2, `Unknown job action [${segments[3]}]`);
    if (action.ok) return { status: 200, json: {}, xml: () => "<GenericResp/>" };
    if (action.reason === "no permission")
      return actionRefusal(NO_PERMISSION_CODE, noPermission(userName, id));
    return errorReply(200, 1, `Job [${id}]: ${action.reason}.`);
  }
  if (first === "jobdetails" && method === "POST" && segments.length === 1) {
    const body = jsonBody(request);
    const id = typeof body?.jobId === "number" ? body.jobId : jobId(String(body?.jobId ?? ""));
    const job = id === null ? null : view.job(id);
    return job ? jobDetailsReply(job) : errorReply(200, 2, `Job [${String(body?.jobId)}] was not found.`);
  }
  if (first === "events" && method === "GET" && segments.length === 1) return eventsOf(request.params, view);
  if (first === "subclient" && method === "GET" && segments.length <= 2)
    return subclientsOf(request, segments, view);
  if (first === "client" && method === "GET" && segments.length === 1)
    return clientListReply({ ...view.estate, clients: view.clients() });
  return errorReply(404, 2, `No such web service: ${method} ${request.path}`);
}

/** What a job-list answer carries under a body fault. */
export function faultyJobList(reply: RoutedReply, fault: BodyFault, wantsJson: boolean): Reply {
  switch (fault) {
    case "none":
      return reply;
    case "html":
      return iisErrorPage(503, "503 - Service Unavailable");
    case "errlist":
      return errListReply(5, "Simulated CommCell fault: the Job Manager service is not responding.");
    case "truncated": {
      const body = wantsJson ? JSON.stringify(reply.json) : (reply.xml?.() ?? "");
      return {
        status: 200,
        text: body.slice(0, Math.max(1, Math.floor(body.length * 0.6))),
        headers: { "content-type": wantsJson ? "application/json" : "application/xml" },
      };
    }
    case "malformed": {
      const body = wantsJson ? JSON.stringify(reply.json) : (reply.xml?.() ?? "");
      const broken = wantsJson
        ? body.replace('"totalRecordsWithoutPaging"', '"totalRecordsWithoutPaging" "')
        : body.replace("<JobManager_JobListResponse", "<JobManager_JobListResponse><jobs></job>");
      return {
        status: 200,
        text: broken,
        headers: { "content-type": wantsJson ? "application/json" : "application/xml" },
      };
    }
  }
}
