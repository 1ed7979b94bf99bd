// Who may see and do what on the simulated CommCell, as Commvault's roles decide it: the admin everything;
// `operator` sees the clients of two client groups (file servers, databases) and has Job Management on them; `viewer` sees every
// job and acts on none. Whoever started a job may always control it, as Commvault documents.

import type { JobAtNow } from "./commcell";
import type { Estate } from "./estate";

export type Role = "admin" | "operator" | "viewer";

export interface SimUser {
  readonly name: string;
  readonly password: string;
  readonly role: Role;
}

export interface Access {
  readonly user: string;
  readonly role: Role;
  /** Client ids this user may see; null for every client. */
  readonly visibleClients: ReadonlySet<number> | null;
}

/** The client groups `operator` manages: file servers and databases (the groups with everyday backups). */
export const OPERATOR_GROUP_NAMES = ["File Servers", "Databases"];

export function operatorGroups(estate: Estate): readonly number[] {
  const named = estate.groups.filter((group) => OPERATOR_GROUP_NAMES.includes(group.name));
  return (named.length > 0 ? named : estate.groups.slice(0, 2)).map((group) => group.id);
}

export function accessFor(user: string, role: Role, estate: Estate): Access {
  if (role !== "operator") return { user, role, visibleClients: null };
  const groups = new Set(operatorGroups(estate));
  const clients = estate.clients.filter((client) => client.groups.some((group) => groups.has(group.id)));
  return { user, role, visibleClients: new Set(clients.map((client) => client.id)) };
}

export function mayView(access: Access, job: JobAtNow): boolean {
  return access.visibleClients === null || access.visibleClients.has(job.plan.subclient?.client.id ?? -1);
}

/** Job Management on the job's client, or the job is the user's own. */
export function mayControl(access: Access, job: JobAtNow): boolean {
  if (job.plan.userName.toLowerCase() === access.user.toLowerCase()) return true;
  if (access.role === "viewer") return false;
  return mayView(access, job);
}
