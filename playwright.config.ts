import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./e2e/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3100);
/** The embedded simulator listens here during e2e tests, so specs can ask it what it holds and set faults. */
export const SIMULATOR_PORT = PORT + 81;
export const SIMULATOR_ADMIN_PORT = PORT + 82;
/** The token the simulators' admin endpoints require (random per run, like the one printed at start). */
// Kept in the environment, so that Playwright's worker processes (which load this file again) share it.
process.env.E2E_ADMIN_TOKEN ??= `e2e-${randomBytes(18).toString("hex")}`;
export const SIMULATOR_ADMIN_TOKEN = process.env.E2E_ADMIN_TOKEN;
/** A second server that shows jobs only to signed-in viewers and display keys, for access-control specs. */
export const PRIVATE_PORT = PORT + 1;
/** The private server's own simulator: specs that move its clock leave the main one's night alone. */
export const PRIVATE_SIMULATOR_PORT = PORT + 91;
export const DISPLAY_KEY = "e2e-display-key-0123456789";

if (!existsSync(CHROMIUM_PATH)) {
  throw new Error(
    `Chromium not found at ${CHROMIUM_PATH}. Install Debian's package (apt-get update && apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
}

/** `next start` with its embedded simulator on `simulatorPort` (admin on the next port). */
function server(port: number, simulatorPort: number, env: Record<string, string>) {
  return {
    command: `npx next start -p ${port} -H 127.0.0.1`,
    url: `http://127.0.0.1:${port}/api/health`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: {
      NEXT_TELEMETRY_DISABLED: "1",
      // A fixed night with a clock that barely moves: what the specs compare stays put.
      SIMULATOR_PORT: String(simulatorPort),
      SIMULATOR_ADMIN_PORT: String(simulatorPort + 1),
      SIMULATOR_ADMIN_TOKEN,
      SIMULATOR_START: "2026-11-23T22:00:00Z",
      SIMULATOR_TIME_WARP: "0.000001",
      SIMULATOR_JOBS: "20000",
      SIMULATOR_CLIENTS: "60",
      // Short cache life, so specs see refreshes and outages within a second.
      CACHE_TTL_SECONDS: "1",
      REFRESH_FLOOR_SECONDS: "1",
      ...env,
    },
  };
}

export const ACTIONS_PER_MINUTE = 100;

export default defineConfig({
  testDir: "e2e",
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  // One worker: specs share one simulator, and some of them switch its faults on.
  workers: 1,
  reporter: process.env.CI ? [["list"], ["html", { open: "never" }]] : "list",
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "on-first-retry",
    // Charts draw at once for people who ask for less motion: so do they here, and no screenshot catches
    // one half drawn.
    contextOptions: { reducedMotion: "reduce" },
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    // The action specs act often as the admin; the rate spec reaches this limit as the viewer.
    server(PORT, PORT + 81, { ACTIONS_PER_MINUTE: String(ACTIONS_PER_MINUTE) }),
    server(PRIVATE_PORT, PRIVATE_SIMULATOR_PORT, {
      ALLOW_ANONYMOUS_VIEW: "false",
      // A read-only deployment: nobody acts on jobs here, signed in or not.
      ACTIONS: "off",
      DISPLAY_KEY,
      SESSION_SECRET: "e2e-session-secret-0123456789abcdef",
    }),
  ],
});
