// The simulated CommCell: its estate, a year of job history and the jobs still to come, a clock that can
// run faster than real time, and what the API has done to jobs (pause, resume, kill).

import { SIM_JOB_KINDS, type SimJobKind } from "./catalog";
import { DAY, type DraftPlan, jobsOnDay, plansForDay } from "./day-plans";
import { buildEstate, type Estate } from "./estate";
import { type JobEvent, jobEvents } from "./job-events";
import type { JobPlan } from "./job-plan";
import {
  type ApiAction,
  type JobOverride,
  type JobState,
  jobStateAt,
  KILL_PENDING_SECONDS,
  NO_OVERRIDE,
  plannedEnd,
  SUSPEND_PENDING_SECONDS,
} from "./job-state";

export interface CommCellOptions {
  readonly seed: number;
  /** Jobs in a year of history. */
  readonly jobsPerYear: number;
  readonly clients: number;
  /** Simulated seconds per real second. */
  readonly timeWarp: number;
  /** Simulated time at start, unix seconds; the real time by default. */
  readonly startAt?: number;
  /** The real clock, in milliseconds; tests pass their own. */
  readonly realClock?: () => number;
}

export interface JobQuery {
  readonly category: "active" | "finished" | "all";
  /** Job kinds to include; null for every kind. */
  readonly kinds: ReadonlySet<SimJobKind> | null;
  readonly clientId: number | null;
  /** Finished jobs that ended within this many seconds. */
  readonly lookupSeconds: number;
  readonly offset: number;
  readonly limit: number;
  /** Only jobs of these clients (what the asking user may see); absent or null for every client. */
  readonly visibleClients?: ReadonlySet<number> | null;
}

export interface JobAtNow {
  readonly plan: JobPlan;
  readonly state: JobState;
}

export type ActionResult =
  | { ok: true }
  | { ok: false; reason: "unknown job" | "not active" | "not suspended" | "an action is pending" };

/** Who acts, and the operation's description if the request gave one. */
export interface ActionBy {
  readonly user: string;
  readonly description?: string;
}
const ADMIN: ActionBy = { user: "admin" };

// Ids count from this day, so a day's ids are the same whenever the simulator starts.
const EPOCH_DAY = Math.floor(Date.UTC(2020, 0, 1) / 1000 / DAY);
const FIRST_JOB_ID = 1000;
// A job can still be running (or suspended) this long after the day it started.
const LONGEST_JOB_DAYS = 4;
const HISTORY_DAYS = 366;

/** Plans newest first, with the fields every query filters on packed into columns. */
interface PlanIndex {
  readonly plans: readonly JobPlan[];
  readonly start: Float64Array;
  readonly end: Float64Array;
  readonly kind: Uint8Array;
  readonly client: Int32Array;
}

function indexPlans(plans: readonly JobPlan[]): PlanIndex {
  const index = {
    plans,
    start: new Float64Array(plans.length),
    end: new Float64Array(plans.length),
    kind: new Uint8Array(plans.length),
    client: new Int32Array(plans.length),
  };
  plans.forEach((plan, i) => {
    index.start[i] = plan.start;
    index.end[i] = plan.plannedEnd;
    index.kind[i] = SIM_JOB_KINDS.indexOf(plan.kind);
    index.client[i] = plan.subclient?.client.id ?? 0;
  });
  return index;
}

export class SimulatedCommCell {
  readonly estate: Estate;
  private readonly options: CommCellOptions;
  private readonly realClock: () => number;
  private readonly realStart: number;
  private readonly simStart: number;
  private readonly days = new Map<number, JobPlan[]>();
  private readonly byId = new Map<number, JobPlan>();
  private readonly overrides = new Map<number, JobOverride>();
  /** Subclients made to fail, from when (unix s). */
  private readonly failing = new Map<number, number>();
  /** Reasons set through the admin endpoint, for tests that need a particular text (markup, length). */
  private readonly reasons = new Map<number, string>();
  private readonly firstIdCache = new Map<number, number>([[EPOCH_DAY, FIRST_JOB_ID]]);
  private cachedDayRange: { first: number; last: number; index: PlanIndex } | null = null;

  constructor(options: CommCellOptions) {
    this.options = options;
    this.estate = buildEstate(options.seed, options.clients);
    this.realClock = options.realClock ?? Date.now;
    this.realStart = this.realClock();
    this.simStart = options.startAt ?? Math.floor(this.realStart / 1000);
  }

  private skippedSeconds = 0;

  /** Simulated unix seconds now. */
  now(): number {
    const real = (this.realClock() - this.realStart) / 1000;
    return Math.floor(this.simStart + real * this.options.timeWarp + this.skippedSeconds);
  }

  /** Moves the clock forward at once (tests, demos). */
  advance(seconds: number): void {
    this.skippedSeconds += seconds;
  }

  private firstIdOfDay(day: number): number {
    const cached = this.firstIdCache.get(day);
    if (cached !== undefined) return cached;
    // Walk from the nearest known day; days are visited in order, so this stays cheap.
    let known = EPOCH_DAY;
    for (const key of this.firstIdCache.keys()) if (key <= day && key > known) known = key;
    let id = this.firstIdCache.get(known) as number;
    for (let d = known; d < day; d++) {
      id += jobsOnDay(this.options.seed, d, this.options.jobsPerYear);
      this.firstIdCache.set(d + 1, id);
    }
    return id;
  }

  private plansOf(day: number): JobPlan[] {
    let plans = this.days.get(day);
    if (plans) return plans;
    const count = jobsOnDay(this.options.seed, day, this.options.jobsPerYear);
    const firstId = this.firstIdOfDay(day);
    const drafts: DraftPlan[] = plansForDay(this.estate, this.options.seed, day, count);
    plans = drafts.map((draft, index) => {
      const plan = { ...draft, id: firstId + index, plannedEnd: 0 };
      plan.plannedEnd = plannedEnd(plan);
      return plan;
    });
    this.days.set(day, plans);
    for (const plan of plans) this.byId.set(plan.id, plan);
    return plans;
  }

  /** Every plan that can be listed at `now`, newest first; days past the history are let go. */
  private plansAround(now: number): PlanIndex {
    const last = Math.floor(now / DAY);
    const first = last - HISTORY_DAYS - LONGEST_JOB_DAYS;
    if (this.cachedDayRange && this.cachedDayRange.first === first && this.cachedDayRange.last === last) {
      return this.cachedDayRange.index;
    }
    for (const day of this.days.keys()) {
      if (day < first) {
        for (const plan of this.days.get(day) ?? []) this.byId.delete(plan.id);
        this.days.delete(day);
      }
    }
    // Resubmitted jobs are the newest started of all: they come first, as the list is newest first.
    const plans: JobPlan[] = this.resubmitted.filter((plan) => plan.start >= first * DAY);
    for (let day = last; day >= first; day--) {
      const dayPlans = this.plansOf(day);
      for (let i = dayPlans.length - 1; i >= 0; i--) plans.push(dayPlans[i] as JobPlan);
    }
    const index = indexPlans(plans);
    this.cachedDayRange = { first, last, index };
    return index;
  }

  /** Jobs started through Resubmit, newest first; ids from a range the planned days never reach. */
  private readonly resubmitted: JobPlan[] = [];
  private nextResubmitId: number | null = null;

  /**
   * Resubmit: a finished job starts again now, as a new job with the same client, subclient, level and size,
   * started by `userName`. A job still running is refused, as Commvault's SDK does.
   */
  resubmit(
    id: number,
    userName = "admin",
  ): { ok: true; jobId: number } | { ok: false; reason: "unknown job" | "still running" } {
    const job = this.job(id);
    if (!job) return { ok: false, reason: "unknown job" };
    if (job.state.active) return { ok: false, reason: "still running" };
    const now = this.now();
    // Ten years of planned ids ahead: a resubmitted job never takes an id a planned day will want.
    this.nextResubmitId ??= this.firstIdOfDay(Math.floor(now / DAY) + 3650);
    const plan: JobPlan = {
      ...job.plan,
      id: this.nextResubmitId++,
      start: now,
      wait: null,
      // A job that failed to start never ran: its resubmission runs for a typical ten minutes.
      runSeconds: job.plan.runSeconds > 0 ? job.plan.runSeconds : 600,
      interruption: null,
      outcome: "Completed",
      outcomeReason: null,
      submitErrorCode: 0,
      userName,
      plannedEnd: 0,
    };
    const withEnd = { ...plan, plannedEnd: plannedEnd(plan) };
    this.resubmitted.unshift(withEnd);
    this.byId.set(withEnd.id, withEnd);
    this.cachedDayRange = null;
    return { ok: true, jobId: withEnd.id };
  }

  private overrideOf(id: number): JobOverride {
    return this.overrides.get(id) ?? NO_OVERRIDE;
  }

  /** Jobs matching a query at the current time, newest first, with the count before paging. */
  listJobs(query: JobQuery): { total: number; jobs: JobAtNow[] } {
    const now = this.now();
    const since = now - query.lookupSeconds;
    const index = this.plansAround(now);
    const kindWanted = SIM_JOB_KINDS.map((kind) => query.kinds === null || query.kinds.has(kind));
    const clientId = query.clientId ?? -1;
    const visible = query.visibleClients ?? null;
    const overridden = this.overrides.size > 0;
    const page: JobAtNow[] = [];
    let total = 0;
    // Filters read the packed columns; plan objects are touched only for the page and overridden jobs.
    for (let i = 0; i < index.plans.length; i++) {
      if ((index.start[i] as number) > now) continue;
      if (!kindWanted[index.kind[i] as number]) continue;
      if (clientId !== -1 && index.client[i] !== clientId) continue;
      if (visible !== null && !visible.has(index.client[i] as number)) continue;
      const plan = index.plans[i] as JobPlan;
      const override = overridden ? this.overrides.get(plan.id) : undefined;
      const end = override ? plannedEnd(plan, override) : (index.end[i] as number);
      const active = end > now;
      if (active ? query.category === "finished" : query.category === "active" || end < since) continue;
      if (total >= query.offset && page.length < query.limit) {
        const state = jobStateAt(plan, now, override ?? NO_OVERRIDE);
        if (state) page.push(this.adjusted({ plan, state }));
      }
      total++;
    }
    return { total, jobs: page };
  }

  /** Replaces a job's reason text (tests only, through the loopback admin endpoint). */
  setReason(id: number, text: string): boolean {
    if (!this.job(id)) return false;
    this.reasons.set(id, text);
    return true;
  }

  /**
   * Makes every job of a subclient that starts from now on fail (tests only, through the loopback admin
   * endpoint): what coverage must notice. False for an unknown subclient.
   */
  failSubclient(id: number): boolean {
    if (!this.estate.subclients.some((sub) => sub.id === id)) return false;
    this.failing.set(id, this.now());
    return true;
  }

  /** A job as the test controls (reason texts, failing subclients) have changed it. */
  private adjusted(job: JobAtNow): JobAtNow {
    const reasoned = this.reasons.size > 0 ? this.withReason(job) : job;
    if (this.failing.size === 0 || reasoned.state.active) return reasoned;
    const from = this.failing.get(reasoned.plan.subclient?.id ?? -1);
    if (from === undefined || reasoned.plan.start < from || reasoned.state.status === "Killed")
      return reasoned;
    return {
      ...reasoned,
      state: {
        ...reasoned.state,
        status: "Failed",
        statusColor: "redspan",
        reason: { text: "Simulated failure: this subclient was made to fail.", code: "19:1" },
      },
    };
  }

  private withReason(job: JobAtNow): JobAtNow {
    const text = this.reasons.get(job.plan.id);
    if (text === undefined) return job;
    return { ...job, state: { ...job.state, reason: { text, code: job.state.reason?.code ?? "19:1" } } };
  }

  job(id: number): JobAtNow | null {
    const now = this.now();
    this.plansAround(now);
    const plan = this.byId.get(id);
    if (!plan) return null;
    const state = jobStateAt(plan, now, this.overrideOf(id));
    return state ? this.adjusted({ plan, state }) : null;
  }

  /** The job's event log up to now, newest first; null for a job the CommCell does not have. */
  events(id: number): JobEvent[] | null {
    const job = this.job(id);
    return job ? jobEvents(job.plan, this.overrideOf(id), this.now()) : null;
  }

  /** Appends an action to the job's log (who, when asked, when it takes effect, why). */
  private logged(override: JobOverride, kind: ApiAction["kind"], by: ActionBy, effectiveAt: number) {
    const action = {
      kind,
      user: by.user,
      requestedAt: this.now(),
      effectiveAt,
      description: by.description ?? "",
    };
    return [...override.actions, action];
  }

  pause(id: number, by: ActionBy = ADMIN): ActionResult {
    const job = this.job(id);
    if (!job) return { ok: false, reason: "unknown job" };
    if (!job.state.active || job.state.status === "Suspended") return { ok: false, reason: "not active" };
    if (job.state.status === "Suspend Pending" || job.state.status === "Kill Pending")
      return { ok: false, reason: "an action is pending" };
    const override = this.overrideOf(id);
    const pausedAt = this.now() + SUSPEND_PENDING_SECONDS;
    this.overrides.set(id, { ...override, pausedAt, actions: this.logged(override, "pause", by, pausedAt) });
    return { ok: true };
  }

  resume(id: number, by: ActionBy = ADMIN): ActionResult {
    const job = this.job(id);
    if (!job) return { ok: false, reason: "unknown job" };
    if (job.state.status !== "Suspended") return { ok: false, reason: "not suspended" };
    const now = this.now();
    const override = this.overrideOf(id);
    const actions = this.logged(override, "resume", by, now);
    if (override.pausedAt !== null) {
      this.overrides.set(id, {
        ...override,
        actions,
        pausedAt: null,
        pausedSeconds: override.pausedSeconds + (now - override.pausedAt),
      });
    } else {
      // Suspended by the plan itself (a user before the simulator started): cut that suspension short.
      this.overrides.set(id, { ...override, actions, interruptionCutAt: now - override.pausedSeconds });
    }
    return { ok: true };
  }

  kill(id: number, by: ActionBy = ADMIN): ActionResult {
    const job = this.job(id);
    if (!job) return { ok: false, reason: "unknown job" };
    if (!job.state.active) return { ok: false, reason: "not active" };
    if (job.state.status === "Kill Pending") return { ok: false, reason: "an action is pending" };
    const now = this.now();
    const override = this.overrideOf(id);
    // A paused job is killed where it stopped: its pause (if it had begun) is closed first.
    const paused = override.pausedAt === null ? 0 : Math.max(0, now - override.pausedAt);
    const killedAt = now + KILL_PENDING_SECONDS;
    this.overrides.set(id, {
      ...override,
      actions: this.logged(override, "kill", by, killedAt),
      pausedAt: null,
      pausedSeconds: override.pausedSeconds + paused,
      killedAt,
    });
    return { ok: true };
  }
}
