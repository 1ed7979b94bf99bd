// Who may see and do what on the simulated CommCell, as Commvault's roles decide it: the admin everything;
// `operator` has Job Management on two client groups (file servers, databases) and View alone on a third
// (virtualization), and sees nothing else; `viewer` sees every job and acts on none. Whoever started a job
// may always control it, as Commvault documents.

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
  /** Client ids this user has Job Management on; null for every client. */
  readonly managedClients: ReadonlySet<number> | null;
}

/** The client groups `operator` manages: file servers and databases (the groups with everyday backups). */
export const OPERATOR_GROUP_NAMES = ["File Servers", "Databases"];
/** The client group `operator` may see but not act on. */
export const OPERATOR_VIEW_ONLY_GROUP_NAMES = ["Virtualization"];

function groupIds(estate: Estate, names: readonly string[]): Set<number> {
  return new Set(estate.groups.filter((group) => names.includes(group.name)).map((group) => group.id));
}

export function operatorGroups(estate: Estate): readonly number[] {
  const named = [...groupIds(estate, OPERATOR_GROUP_NAMES)];
  return named.length > 0 ? named : estate.groups.slice(0, 2).map((group) => group.id);
}

function clientsIn(estate: Estate, groups: ReadonlySet<number>): Set<number> {
  return new Set(
    estate.clients
      .filter((client) => client.groups.some((group) => groups.has(group.id)))
      .map((client) => client.id),
  );
}

export function accessFor(user: string, role: Role, estate: Estate): Access {
  if (role === "admin") return { user, role, visibleClients: null, managedClients: null };
  if (role === "viewer") return { user, role, visibleClients: null, managedClients: new Set() };
  const managed = new Set(operatorGroups(estate));
  const visible = new Set([...managed, ...groupIds(estate, OPERATOR_VIEW_ONLY_GROUP_NAMES)]);
  return {
    user,
    role,
    visibleClients: clientsIn(estate, visible),
    managedClients: clientsIn(estate, managed),
  };
}

export function mayView(access: Access, job: JobAtNow): boolean {
  return access.visibleClients === null || access.visibleClients.has(job.plan.subclient?.client.id ?? -1);
}

/** Job Management on the job's client, or the job is the user's own. */
export function mayControl(access: Access, job: JobAtNow): boolean {
  if (job.plan.userName.toLowerCase() === access.user.toLowerCase()) return true;
  if (!mayView(access, job)) return false;
  return access.managedClients === null || access.managedClients.has(job.plan.subclient?.client.id ?? -1);
}
