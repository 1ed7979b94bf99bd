// Helpers for tests that talk to a running simulator over HTTP, as the dashboard does.

import { type RunningSimulator, startSimulator } from "./http/server";
import { DEFAULT_OPTIONS, type SimulatorOptions } from "./options";

/** A fixed simulated start, 22:00 UTC on a Monday, inside the nightly backup window. */
export const TEST_START = Date.UTC(2026, 10, 23, 22, 0) / 1000;

export function startTestSimulator(options: Partial<SimulatorOptions> = {}): Promise<RunningSimulator> {
  // The clock barely moves (a millionth of real time), so answers do not change between two calls; tests
  // that need time to pass move it with the admin clock.
  return startSimulator({
    ...DEFAULT_OPTIONS,
    port: 0,
    adminPort: 0,
    jobs: 20_000,
    clients: 60,
    start: TEST_START,
    timeWarp: 1e-6,
    ...options,
  });
}

export interface Call {
  readonly status: number;
  readonly body: string;
  readonly headers: Headers;
}

export async function call(
  simulator: RunningSimulator,
  method: string,
  path: string,
  init: { token?: string; json?: boolean; headers?: Record<string, string>; body?: unknown } = {},
): Promise<Call> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.Authtoken = init.token;
  if (init.json) headers.Accept = "application/json";
  if (init.body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(new URL(path, simulator.url), {
    method,
    headers,
    ...(init.body === undefined
      ? {}
      : { body: typeof init.body === "string" ? init.body : JSON.stringify(init.body) }),
  });
  return { status: response.status, body: await response.text(), headers: response.headers };
}

/** Signs in to a simulator's (or any CommCell's) web-service root; returns the token. */
export async function signInAt(root: string, username = "admin", password = "admin"): Promise<string> {
  const response = await fetch(new URL("Login", root), {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/json" },
    body: JSON.stringify({ username, password: Buffer.from(password).toString("base64") }),
  });
  const body = await response.text();
  const token = (JSON.parse(body) as { token?: string }).token;
  if (!token) throw new Error(`sign-in failed: ${body}`);
  return token;
}

export function signIn(simulator: RunningSimulator, username = "admin", password = "admin"): Promise<string> {
  return signInAt(simulator.url, username, password);
}

export async function admin(
  simulator: RunningSimulator,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(new URL(path, simulator.adminUrl), {
    method,
    headers: { Authorization: `Bearer ${simulator.adminToken}` },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}
