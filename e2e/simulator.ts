// What e2e specs need of the embedded simulator: its own answers, to compare pages with, its faults, and
// its counters and tokens.

import { signInAt } from "../lib/simulator/testing";
import {
  PRIVATE_SIMULATOR_PORT,
  SIMULATOR_ADMIN_PORT,
  SIMULATOR_ADMIN_TOKEN,
  SIMULATOR_PORT,
} from "../playwright.config";

const ROOT = `http://127.0.0.1:${SIMULATOR_PORT}/SearchSvc/CVWebService.svc/`;
const ADMIN = `http://127.0.0.1:${SIMULATOR_ADMIN_PORT}/`;

const token = () => signInAt(ROOT);

/** The simulator's own jobs for a GET /Job query string, as raw summaries. */
export async function simulatorJobs(query: string): Promise<{ status: string; jobId: number }[]> {
  const response = await fetch(`${ROOT}Job?${query}&limit=100000`, {
    headers: { Accept: "application/json", Authtoken: await token() },
  });
  const body = (await response.json()) as { jobs?: { jobSummary: { status: string; jobId: number } }[] };
  return (body.jobs ?? []).map((job) => job.jobSummary);
}

async function admin<T>(method: string, path: string, body?: unknown, base = ADMIN): Promise<T> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { Authorization: `Bearer ${SIMULATOR_ADMIN_TOKEN}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`simulator admin ${path}: ${await response.text()}`);
  return (await response.json()) as T;
}

export const setFaults = (faults: Record<string, unknown>) => admin("PUT", "faults", faults);
export const resetFaults = () => admin("POST", "faults/reset");
export const expireTokens = () => admin("POST", "tokens/expire");
export const simulatorTokens = () => admin<{ tokens: string[] }>("GET", "tokens").then((body) => body.tokens);
export const simulatorState = () =>
  admin<{ logins: number; requests: Record<string, number>; peakInFlight: number }>("GET", "state");
export const resetPeak = () => admin("POST", "state/reset-peak");
export const setReason = (jobId: number, text: string) => admin("PUT", `jobs/${jobId}/reason`, { text });
export const advanceClock = (seconds: number) => admin("POST", "clock/advance", { seconds });

/**
 * Changes a simulator's jobs every `everyMs` (`change` is given the step's number) until the returned stop
 * is called: the specs' simulators barely move by themselves, and a refresh that finds the same jobs is no
 * new answer (the same tag, nothing pushed, nothing fetched).
 */
export function keepChanging(
  change: (step: number) => Promise<unknown>,
  everyMs: number,
): () => Promise<void> {
  let changing = true;
  const changer = (async () => {
    for (let step = 0; changing; step++) {
      await change(step);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return async () => {
    changing = false;
    await changer;
  };
}

/** Pauses, resumes or kills a job through the CommCell API itself, as an operator would. */
export async function jobAction(jobId: number, action: "pause" | "resume" | "kill"): Promise<void> {
  const response = await fetch(`${ROOT}Job/${jobId}/action/${action}`, {
    method: "POST",
    headers: { Accept: "application/json", Authtoken: await token() },
  });
  if (!response.ok) throw new Error(`${action} ${jobId}: HTTP ${response.status}`);
}

/** The private server's simulator (its admin port is the next one): its clock and its subclients. */
const PRIVATE_ADMIN = `http://127.0.0.1:${PRIVATE_SIMULATOR_PORT + 1}/`;
export const privateSimulator = {
  advanceClock: (seconds: number) => admin("POST", "clock/advance", { seconds }, PRIVATE_ADMIN),
  failSubclient: (id: number) => admin("POST", `subclients/${id}/fail`, undefined, PRIVATE_ADMIN),
  now: () => admin<{ now: number }>("GET", "state", undefined, PRIVATE_ADMIN).then((state) => state.now),
};

/** The main simulator's subclient inventory, as the CommCell's admin sees it. */
export async function simulatorInventory(): Promise<
  { clientId: number; subclientId: number; agent: string; lastBackupTime: number; enableBackup: boolean }[]
> {
  const auth = { Accept: "application/json", Authtoken: await token() };
  const clients = (await (await fetch(`${ROOT}Client`, { headers: auth })).json()) as {
    clientProperties: { client: { clientEntity: { clientId: number } } }[];
  };
  const all = [];
  for (const client of clients.clientProperties) {
    const id = client.client.clientEntity.clientId;
    const body = (await (await fetch(`${ROOT}Subclient?clientId=${id}`, { headers: auth })).json()) as {
      subClientProperties: {
        subClientEntity: { subclientId: number; appName: string };
        commonProperties: { lastBackupTime: number; enableBackup: boolean };
      }[];
    };
    for (const sub of body.subClientProperties)
      all.push({
        clientId: id,
        subclientId: sub.subClientEntity.subclientId,
        agent: sub.subClientEntity.appName,
        lastBackupTime: sub.commonProperties.lastBackupTime,
        enableBackup: sub.commonProperties.enableBackup,
      });
  }
  return all;
}
