// What Commvault's Python SDK (cvpysdk 11.40, github.com/Commvault/cvpysdk: cvpysdk.py, commcell.py, job.py,
// services.py) sends and what it checks, replayed in TypeScript: the same URLs, headers, bodies and order of
// calls, and the same success checks, raising where the SDK raises. The SDK cannot be installed on these
// machines (no Python package index), so its code was read and its behaviour is restated here, not run.
//
// Where the SDK sleeps (between retries, while it waits for a job to change state) the replay calls `sleep`,
// which a test points at the simulator's clock: the SDK's waits pass in simulated time, not real time.

import { request as httpRequest } from "node:http";
import { pythonJson } from "./python-json";

/** The SDK's SDKException: a module, an id, and the message it would print. */
export class SdkError extends Error {
  constructor(
    readonly module: string,
    readonly id: string,
    message: string,
  ) {
    super(`${module} ${id}: ${message}`);
  }
}

export interface SdkResponse {
  readonly status: number;
  readonly text: string;
  readonly contentType: string;
  /** `response.json()`: raises (as `ValueError`) when the body is not JSON. */
  json(): unknown;
}

export interface SentRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body: string | null;
}

type Json = Record<string, unknown>;

/** Python's truthiness of `response.json()`: an empty dict or list is false. */
function truthy(value: unknown): value is Json {
  if (value === null || value === undefined || value === false || value === 0 || value === "") return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === "object") return Object.keys(value).length > 0;
  return true;
}

/** `dict[key]`: a KeyError where the SDK indexes a key the answer lacks. */
function key<T = unknown>(object: unknown, name: string): T {
  if (typeof object !== "object" || object === null || !(name in object))
    throw new SdkError("KeyError", name, `the SDK reads ['${name}'] and the answer has no such key`);
  return (object as Json)[name] as T;
}

/** The `title` of an IIS error page, or the body as it is (Commcell._update_response_). */
function updateResponse(text: string): string {
  const match = /<title>([\s\S]*?)<\/title>/.exec(text);
  return match ? (match[1] ?? text) : text;
}

const REQUESTS_HEADERS = {
  "User-Agent": "python-requests/2.32.3",
  "Accept-Encoding": "gzip, deflate",
  Connection: "keep-alive",
};

export interface ReplayOptions {
  /** The web service URL as a user passes it (`web_service_url`); the SDK appends "/". */
  readonly webServiceUrl: string;
  readonly username: string;
  readonly password: string;
  /** Where the SDK sleeps; seconds. */
  readonly sleep: (seconds: number) => Promise<void>;
  /** `socket.getfqdn()` on the SDK's machine. */
  readonly deviceId?: string;
}

/** `Commcell(...)` and `CVPySDK`: the connection, the token, make_request. */
export class Commcell {
  readonly sent: SentRequest[] = [];
  readonly webService: string;
  readonly headers: Record<string, string | null>;
  readonly sleep: (seconds: number) => Promise<void>;
  private readonly deviceId: string;

  private constructor(options: ReplayOptions) {
    this.webService = `${options.webServiceUrl}/`;
    this.headers = {
      Host: new URL(options.webServiceUrl).host,
      Accept: "application/json",
      "Content-type": "application/json",
      Authtoken: null,
    };
    this.sleep = options.sleep;
    this.deviceId = options.deviceId ?? "conformance.test.local";
  }

  /** The constructor: the root must answer 200, then Login; `refresh()` makes no calls (all lazy). */
  static async connect(options: ReplayOptions): Promise<Commcell> {
    const commcell = new Commcell(options);
    const root = await commcell.send("GET", commcell.webService, null, commcell.headers);
    if (root.status !== 200) throw new SdkError("Commcell", "101", "Commcell is not reachable");
    commcell.headers.Authtoken = await commcell.login(options.username, options.password);
    if (!commcell.headers.Authtoken) throw new SdkError("Commcell", "102", "no token received");
    return commcell;
  }

  private async login(username: string, password: string): Promise<string> {
    const { flag, response } = await this.makeRequest("POST", "Login", {
      mode: 4,
      username,
      password: Buffer.from(password).toString("base64"),
      deviceId: this.deviceId,
      clientType: 30,
    });
    if (!flag) throw new SdkError("Response", "101", updateResponse(response.text));
    const body = response.json();
    if (!truthy(body)) throw new SdkError("Response", "102", "empty response");
    if ("userName" in body && "token" in body) return key<string>(body, "token");
    const list = key<Json[]>(body, "errList");
    let message = `Error: "${key<string>(list[0], "errLogMessage")}"`;
    const lock = Number(body.remainingLockTime ?? 0);
    if (body.isAccountLocked === true && lock > 0)
      message = `Error: "User account is locked for ${Math.floor(lock / 3600)} hour(s) ${Math.floor((lock % 3600) / 60)} minute(s)."`;
    throw new SdkError("CVPySDK", "101", message);
  }

  /** `make_request`: (flag, response), a 401 renewing the token up to three times. */
  async makeRequest(
    method: "GET" | "POST",
    service: string,
    payload: unknown = null,
    attempts = 0,
  ): Promise<{ flag: boolean; response: SdkResponse }> {
    const headers = { ...this.headers };
    let body: string | null = null;
    if (method === "POST" && payload !== null && typeof payload === "object") body = pythonJson(payload);
    else if (method === "POST") {
      // No payload: the SDK tries to parse None as XML, skips it, and marks the request as XML anyway.
      headers["Content-type"] = "application/xml";
    }
    const response = await this.send(method, this.webService + service, body, headers);
    if (response.status === 401 && headers.Authtoken) {
      if (attempts >= 3) throw new SdkError("CVPySDK", "103", "maximum renew attempts reached");
      this.headers.Authtoken = await this.renewToken(attempts + 1);
      return this.makeRequest(method, service, payload, attempts + 1);
    }
    return { flag: response.status === 200 || response.status === 201, response };
  }

  private async renewToken(attempts: number): Promise<string> {
    const { flag, response } = await this.makeRequest(
      "POST",
      "RenewLoginToken",
      { sessionId: this.headers.Authtoken, deviceId: this.deviceId },
      attempts,
    );
    if (!flag) throw new SdkError("Response", "101", updateResponse(response.text));
    const body = response.json();
    if (truthy(body) && "token" in body) return key<string>(body, "token");
    throw new SdkError("CVPySDK", "101", "token renewal failed");
  }

  /** `requests.request`: headers whose value is None are left out, as requests does. */
  private send(
    method: string,
    url: string,
    body: string | null,
    headers: Record<string, string | null>,
  ): Promise<SdkResponse> {
    const sent: Record<string, string> = { ...REQUESTS_HEADERS };
    for (const [name, value] of Object.entries(headers)) if (value !== null) sent[name] = value;
    if (method === "POST") sent["Content-Length"] = String(Buffer.byteLength(body ?? ""));
    const target = new URL(url);
    this.sent.push({ method, path: target.pathname + target.search, headers: sent, body });
    return new Promise((resolve, reject) => {
      const outgoing = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          method,
          path: target.pathname + target.search,
          headers: sent,
        },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
          incoming.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            resolve({
              status: incoming.statusCode ?? 0,
              text,
              contentType: String(incoming.headers["content-type"] ?? ""),
              json() {
                try {
                  return JSON.parse(text) as unknown;
                } catch {
                  throw new SdkError("ValueError", "json", `the body is not JSON: ${text.slice(0, 80)}`);
                }
              },
            });
          });
        },
      );
      outgoing.on("error", reject);
      outgoing.end(body ?? undefined);
    });
  }

  get jobController(): JobController {
    return new JobController(this);
  }

  job(id: number | string): Promise<Job> {
    return Job.open(this, id);
  }

  /** `Commcell.logout()`: POST Logout without a body; the token is dropped whatever the answer. */
  async logout(): Promise<string> {
    if (this.headers.Authtoken === null) return "User already logged out.";
    const { flag, response } = await this.makeRequest("POST", "Logout");
    if (!flag) return "User already logged out";
    this.headers.Authtoken = null;
    return response.status === 200 ? response.text : "Failed to logout the user";
  }
}

/** One job as `JobController._get_jobs_list` keeps it (the basic summary). */
export interface ListedJob {
  readonly operation: string;
  readonly status: string;
  readonly percentComplete: unknown;
  readonly backupLevel: unknown;
  readonly clientId: unknown;
  readonly clientName: unknown;
  readonly subclientId: unknown;
  readonly appType: unknown;
  readonly jobType: unknown;
  readonly pendingReason: unknown;
  readonly jobStartTime: unknown;
  readonly jobElapsedTime: unknown;
}

const CATEGORY = { ALL: 0, ACTIVE: 1, FINISHED: 2 } as const;

export class JobController {
  constructor(private readonly commcell: Commcell) {}

  /** The request JSON, key for key in the SDK's order. */
  static requestJson(options: {
    category: keyof typeof CATEGORY;
    lookupHours: number;
    limit?: number;
    offset?: number;
    clientIds?: readonly number[];
    jobTypes?: readonly string[];
  }): Json {
    return {
      scope: 1,
      category: CATEGORY[options.category],
      pagingConfig: {
        sortDirection: 1,
        offset: options.offset ?? 0,
        sortField: "jobId",
        limit: options.limit ?? 20,
      },
      jobFilter: {
        completedJobLookupTime: Math.trunc(options.lookupHours * 60 * 60),
        showAgedJobs: false,
        hideAdminJobs: false,
        clientList: (options.clientIds ?? []).map((clientId) => ({ clientId })),
        jobTypeList: [...(options.jobTypes ?? [])],
      },
    };
  }

  private async list(
    options: Parameters<typeof JobController.requestJson>[0],
  ): Promise<Map<number, ListedJob>> {
    const { flag, response } = await this.commcell.makeRequest(
      "POST",
      "Jobs",
      JobController.requestJson(options),
    );
    if (!flag) throw new SdkError("Response", "101", updateResponse(response.text));
    const body = response.json();
    if (!truthy(body)) throw new SdkError("Response", "102", "empty response");
    const jobs = new Map<number, ListedJob>();
    for (const job of (body.jobs as Json[] | undefined) ?? []) {
      if (!("jobSummary" in job)) continue;
      const summary = job.jobSummary as Json;
      if (key(summary, "isVisible") !== true) continue;
      const sub = summary.subclient as Json | undefined;
      jobs.set(key<number>(summary, "jobId"), {
        operation: String(summary.localizedOperationName ?? ""),
        status: key<string>(summary, "status"),
        percentComplete: key(summary, "percentComplete"),
        backupLevel: summary.backupLevelName,
        appType: summary.appTypeName ?? "",
        jobType: summary.jobType ?? "",
        pendingReason: summary.pendingReason ?? "",
        subclientId: sub?.subclientId ?? "",
        clientId: sub?.clientId ?? "",
        clientName: sub?.clientName ?? "",
        jobStartTime: summary.jobStartTime ?? 0,
        jobElapsedTime: summary.jobElapsedTime ?? 0,
      });
    }
    return jobs;
  }

  allJobs(lookupHours = 5, limit?: number) {
    return this.list({ category: "ALL", lookupHours, ...(limit ? { limit } : {}) });
  }

  activeJobs(lookupHours = 1, limit?: number) {
    return this.list({ category: "ACTIVE", lookupHours, ...(limit ? { limit } : {}) });
  }

  finishedJobs(lookupHours = 24, limit?: number) {
    return this.list({ category: "FINISHED", lookupHours, ...(limit ? { limit } : {}) });
  }
}

/** An action's answer as the SDK checks it: `errors[0].errList[0]`, else a top-level `errorCode`. */
function actionError(body: unknown): { code: unknown; message: string } | null {
  if (!truthy(body)) return null;
  if ("errors" in body) {
    const first = key<Json[]>(body, "errors")[0];
    const entry = key<Json[]>(first, "errList")[0];
    const code = key(entry, "errorCode");
    return code === 0 ? null : { code, message: String(key(entry, "errLogMessage")).trim() };
  }
  const code = body.errorCode ?? 0;
  return code === 0 ? null : { code, message: String(body.errorMessage ?? "nil") };
}

export class Job {
  summary: Json = {};
  details: Json = {};
  status = "";
  endTime: string | null = null;

  private constructor(
    private readonly commcell: Commcell,
    readonly jobId: string,
  ) {}

  /** `Job(commcell, id)`: the id must be a number, the job must exist (retried), then refresh(). */
  static async open(commcell: Commcell, id: number | string): Promise<Job> {
    if (!/^\s*[+-]?\d+\s*$/.test(String(id))) throw new SdkError("Job", "101", "job id is not an integer");
    const job = new Job(commcell, String(id));
    if (!(await job.isValidJob()))
      throw new SdkError("Job", "102", `No job exists with the specified Job ID: ${job.jobId}`);
    await job.refresh();
    return job;
  }

  private async isValidJob(): Promise<boolean> {
    for (let i = 0; i < 10; i++) {
      try {
        await this.getJobSummary();
        return true;
      } catch (error) {
        if (!(error instanceof SdkError && error.module === "Job" && error.id === "104")) throw error;
        await this.commcell.sleep(1.5);
      }
    }
    return false;
  }

  private async getJobSummary(): Promise<Json> {
    for (let attempts = 1; attempts <= 5; attempts++) {
      const { flag, response } = await this.commcell.makeRequest("GET", `Job/${this.jobId}`);
      if (flag) {
        const body = response.json();
        if (truthy(body)) {
          if (Number(body.totalRecordsWithoutPaging ?? 0) === 0) {
            await this.commcell.sleep(2 ** attempts);
            continue;
          }
          if ("jobs" in body) for (const job of body.jobs as Json[]) return key<Json>(job, "jobSummary");
        } else {
          if (attempts > 4) throw new SdkError("Response", "102", "empty response");
          await this.commcell.sleep(20);
        }
      } else {
        if (attempts > 4) throw new SdkError("Response", "101", updateResponse(response.text));
        await this.commcell.sleep(20);
      }
    }
    throw new SdkError("Job", "104", "no record found for this job");
  }

  private async getJobDetails(): Promise<Json> {
    for (let retry = 1; retry <= 5; retry++) {
      const { flag, response } = await this.commcell.makeRequest("POST", "JobDetails", {
        jobId: Number(this.jobId),
        showAttempt: true,
      });
      if (flag) {
        const body = response.json();
        if (truthy(body)) {
          if ("job" in body) return key<Json>(body, "job");
          if ("error" in body) {
            const entry = key<Json[]>(key(body, "error"), "errList")[0];
            throw new SdkError(
              "Job",
              "105",
              `Error Code: "${key(entry, "errorCode")}"\nError Message: "${key(entry, "errLogMessage")}"`,
            );
          }
          throw new SdkError("Job", "106", `Response JSON: ${response.text}`);
        }
        if (retry > 4) throw new SdkError("Response", "102", "empty response");
        await this.commcell.sleep(20);
      } else {
        if (retry > 4) throw new SdkError("Response", "101", updateResponse(response.text));
        await this.commcell.sleep(20);
      }
    }
    throw new SdkError("Response", "102", "no job details");
  }

  /** `refresh()`: `_initialize_job_properties` (summary, details, status, start time), then `is_finished`. */
  async refresh(): Promise<void> {
    this.summary = await this.getJobSummary();
    this.details = await this.getJobDetails();
    this.status = key<string>(this.summary, "status");
    key<number>(this.summary, "jobStartTime");
    await this.isFinished();
  }

  /** `is_finished`: summary and details again; the end time is `lastUpdateTime` when it is not 0. */
  async isFinished(): Promise<boolean> {
    this.summary = await this.getJobSummary();
    this.details = await this.getJobDetails();
    this.status = key<string>(this.summary, "status");
    const lastUpdate = key<number>(this.summary, "lastUpdateTime");
    if (lastUpdate !== 0) this.endTime = new Date(lastUpdate * 1000).toISOString();
    const status = this.status.toLowerCase();
    return ["completed", "killed", "committed", "failed"].some((word) => status.includes(word));
  }

  /** `status`: the property re-reads the job each time. */
  async currentStatus(): Promise<string> {
    await this.isFinished();
    return this.status;
  }

  /** The properties that read the summary and the details, as the SDK's properties index them. */
  properties() {
    const sub = key<Json>(this.summary, "subclient");
    const progress = key<Json>(key<Json>(this.details, "jobDetail"), "progressInfo");
    return {
      clientName: sub.clientName,
      agentName: sub.appName,
      instanceName: sub.instanceName,
      backupsetName: sub.backupsetName,
      subclientName: sub.subclientName,
      jobType: key(this.summary, "jobType"),
      backupLevel: this.summary.backupLevelName,
      startTimestamp: key<number>(this.summary, "jobStartTime"),
      pendingReason: this.summary.pendingReason || undefined,
      phase: this.summary.currentPhaseName,
      username: key(key(this.summary, "userName"), "userName"),
      userid: key(key(this.summary, "userName"), "userId"),
      sizeOfApplication: this.summary.sizeOfApplication,
      mediaSize: this.summary.sizeOfMediaOnDisk ?? 0,
      delayReason: progress.reasonForJobDelay || undefined,
      state: key<string>(progress, "state"),
      numOfFilesTransferred: key(progress, "numOfFilesTransferred"),
      attempts: (key<Json>(this.details, "jobDetail").attemptsInfo as unknown) ?? {},
    };
  }

  /** `end_timestamp` indexes `jobEndTime` directly (a KeyError on a job that has none). */
  endTimestamp(): number {
    return key<number>(this.summary, "jobEndTime");
  }

  /** `_wait_for_status`: every 3 s until the status is reached, the job finishes, or 6 minutes pass. */
  private async waitForStatus(target: string, timeoutMinutes = 6): Promise<void> {
    let waited = 0;
    let status = await this.currentStatus();
    while (status.toLowerCase() !== target.toLowerCase()) {
      if ((await this.isFinished()) || waited > timeoutMinutes * 60) break;
      await this.commcell.sleep(3);
      waited += 3;
      status = await this.currentStatus();
    }
  }

  private async act(service: string, failure: string): Promise<SdkResponse> {
    const { flag, response } = await this.commcell.makeRequest("POST", `Job/${this.jobId}/action/${service}`);
    await this.isFinished();
    if (!flag) throw new SdkError("Response", "101", updateResponse(response.text));
    const error = actionError(response.json());
    if (error) throw new SdkError("Job", "102", `${failure}\nError: "${error.message}"`);
    return response;
  }

  async pause(waitForJobToPause = false): Promise<void> {
    await this.act("pause", "Job suspend failed");
    if (waitForJobToPause) await this.waitForStatus("SUSPENDED");
  }

  async resume(waitForJobToResume = false): Promise<void> {
    await this.act("resume", "Job resume failed");
    if (waitForJobToResume) await this.waitForStatus("RUNNING");
  }

  async kill(waitForJobToKill = false): Promise<void> {
    await this.act("kill", "Job kill failed");
    if (waitForJobToKill) await this.waitForStatus("KILLED");
  }

  /** `resubmit()`: refused by the SDK itself while the job runs; the answer's `jobIds[0]` is opened. */
  async resubmit(startSuspended: boolean | null = null): Promise<Job> {
    if (!(await this.isFinished()))
      throw new SdkError("Job", "102", "Cannot resubmit the Job, the Job is still running");
    const service =
      startSuspended === null
        ? `Job/${this.jobId}/action/Resubmit`
        : `Job/${this.jobId}/action/Resubmit?startInSuspendedState=${startSuspended ? "True" : "False"}`;
    const { flag, response } = await this.commcell.makeRequest("POST", service);
    if (!flag) throw new SdkError("Response", "101", updateResponse(response.text));
    const body = response.json();
    const error = actionError(body);
    if (error) throw new SdkError("Job", "102", `Resubmitting job failed\nError: "${error.message}"`);
    return Job.open(this.commcell, key<unknown[]>(body, "jobIds")[0] as string);
  }

  /** `get_events()`: `commservEvents`, or the SDK raises. */
  async getEvents(): Promise<Json[]> {
    const { flag, response } = await this.commcell.makeRequest("GET", `Events?jobId=${this.jobId}`);
    if (flag) {
      const body = response.json();
      if (truthy(body) && "commservEvents" in body) return key<Json[]>(body, "commservEvents");
    }
    throw new SdkError("Job", "104", "no events in the answer");
  }
}
