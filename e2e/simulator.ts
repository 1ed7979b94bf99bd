// What e2e specs need of the embedded simulator: its own answers, to compare pages with, its faults, and
// its counters and tokens.

import { signInAt } from "../lib/simulator/testing";
import { SIMULATOR_ADMIN_PORT, SIMULATOR_ADMIN_TOKEN, SIMULATOR_PORT } from "../playwright.config";

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

async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${ADMIN}${path}`, {
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

/** Pauses, resumes or kills a job through the CommCell API itself, as an operator would. */
export async function jobAction(jobId: number, action: "pause" | "resume" | "kill"): Promise<void> {
  const response = await fetch(`${ROOT}Job/${jobId}/action/${action}`, {
    method: "POST",
    headers: { Accept: "application/json", Authtoken: await token() },
  });
  if (!response.ok) throw new Error(`${action} ${jobId}: HTTP ${response.status}`);
}
