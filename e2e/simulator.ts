// What e2e specs need of the embedded simulator: its own answers, to compare pages with, and its faults.

import { SIMULATOR_ADMIN_PORT, SIMULATOR_PORT } from "../playwright.config";

const ROOT = `http://127.0.0.1:${SIMULATOR_PORT}/SearchSvc/CVWebService.svc/`;
const ADMIN = `http://127.0.0.1:${SIMULATOR_ADMIN_PORT}/`;

async function token(): Promise<string> {
  const response = await fetch(`${ROOT}Login`, {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify({ username: "admin", password: Buffer.from("admin").toString("base64") }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** The simulator's own jobs for a GET /Job query string, as raw summaries. */
export async function simulatorJobs(query: string): Promise<{ status: string }[]> {
  const response = await fetch(`${ROOT}Job?${query}&limit=100000`, {
    headers: { Accept: "application/json", Authtoken: await token() },
  });
  const body = (await response.json()) as { jobs?: { jobSummary: { status: string } }[] };
  return (body.jobs ?? []).map((job) => job.jobSummary);
}

export async function setFaults(faults: Record<string, unknown>): Promise<void> {
  const response = await fetch(`${ADMIN}faults`, { method: "PUT", body: JSON.stringify(faults) });
  if (!response.ok) throw new Error(`faults: ${await response.text()}`);
}

export async function resetFaults(): Promise<void> {
  await fetch(`${ADMIN}faults/reset`, { method: "POST" });
}
