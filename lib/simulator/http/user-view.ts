// The simulated CommCell as one signed-in user sees it: only the jobs and clients their role lets them
// see, and actions refused where they lack Job Management. Every route after sign-in goes through this.

import { type Access, accessFor, mayControl, mayView } from "../model/access";
import type { ActionBy, ActionResult, JobAtNow, JobQuery, SimulatedCommCell } from "../model/commcell";
import type { Subclient } from "../model/estate";
import type { JobEvent } from "../model/job-events";

export type ViewActionResult = ActionResult | { ok: false; reason: "no permission" };

export class UserView {
  readonly access: Access;

  constructor(
    private readonly commcell: SimulatedCommCell,
    user: string,
    role: Access["role"],
  ) {
    this.access = accessFor(user, role, commcell.estate);
  }

  get estate() {
    return this.commcell.estate;
  }

  now(): number {
    return this.commcell.now();
  }

  listJobs(query: JobQuery): { total: number; jobs: JobAtNow[] } {
    return this.commcell.listJobs({ ...query, visibleClients: this.access.visibleClients });
  }

  /** A job this user may not see does not exist for them. */
  job(id: number): JobAtNow | null {
    const job = this.commcell.job(id);
    return job && mayView(this.access, job) ? job : null;
  }

  events(id: number): JobEvent[] | null {
    return this.job(id) ? this.commcell.events(id) : null;
  }

  /** Whether this user may act on the job (null: there is no such job for them). */
  mayControl(id: number): boolean | null {
    const job = this.job(id);
    return job ? mayControl(this.access, job) : null;
  }

  /** An action on a job, if this user may control it. */
  private act<R>(
    id: number,
    action: (id: number) => R,
  ): R | { ok: false; reason: "unknown job" | "no permission" } {
    const allowed = this.mayControl(id);
    if (allowed === null) return { ok: false, reason: "unknown job" };
    if (!allowed) return { ok: false, reason: "no permission" };
    return action(id);
  }

  pause(id: number, description?: string): ViewActionResult {
    return this.act(id, (job) => this.commcell.pause(job, this.by(description)));
  }

  resume(id: number, description?: string): ViewActionResult {
    return this.act(id, (job) => this.commcell.resume(job, this.by(description)));
  }

  kill(id: number, description?: string): ViewActionResult {
    return this.act(id, (job) => this.commcell.kill(job, this.by(description)));
  }

  private by(description: string | undefined): ActionBy {
    return description ? { user: this.access.user, description } : { user: this.access.user };
  }

  resubmit(id: number) {
    return this.act(id, (job) => this.commcell.resubmit(job, this.access.user));
  }

  /** The subclients of a client this user may see (all of them), with that client's year of jobs. */
  subclientsOf(clientId: number): { subclients: Subclient[]; jobs: JobAtNow[] } {
    const visible = this.access.visibleClients;
    if (visible !== null && !visible.has(clientId)) return { subclients: [], jobs: [] };
    const subclients = this.estate.subclients.filter((sub) => sub.client.id === clientId);
    const { jobs } = this.listJobs({
      category: "all",
      kinds: null,
      clientId,
      lookupSeconds: 366 * 86_400,
      offset: 0,
      limit: Number.MAX_SAFE_INTEGER,
    });
    return { subclients, jobs };
  }

  /** The clients this user may see. */
  clients() {
    const visible = this.access.visibleClients;
    return visible === null
      ? this.estate.clients
      : this.estate.clients.filter((client) => visible.has(client.id));
  }
}
