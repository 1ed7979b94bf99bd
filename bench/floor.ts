// The floor every endpoint is measured against, started beside the dashboard in the same run: a minimal
// Next app with one trivial route handler (bench/floor-app), and a bare node:http handler, the physical
// limit of one Node process answering HTTP on this machine.

import { type ChildProcess, execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { ROOT, startProcess } from "./processes";

const FLOOR_APP = join(ROOT, "bench", "floor-app");
const NEXT = join(ROOT, "node_modules/next/dist/bin/next");

function ensureFloorBuild(): void {
  const buildId = join(FLOOR_APP, ".next", "BUILD_ID");
  const route = join(FLOOR_APP, "app", "api", "ok", "route.js");
  if (existsSync(buildId) && statSync(buildId).mtimeMs > statSync(route).mtimeMs) return;
  process.stderr.write("  building the floor app (bench/floor-app)\n");
  execFileSync(process.execPath, [NEXT, "build", FLOOR_APP], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
}

/** `next start` of the floor app; its one route is GET /api/ok. */
export function startFloorApp(port: number): Promise<ChildProcess> {
  ensureFloorBuild();
  return startProcess(
    process.execPath,
    [NEXT, "start", FLOOR_APP, "-p", String(port), "-H", "127.0.0.1"],
    { NEXT_TELEMETRY_DISABLED: "1" },
    "Ready",
  );
}

const BARE = `
const server = require("node:http").createServer((request, response) => {
  response.writeHead(200, { "Content-Type": "application/json" });
  response.end('{"ok":true}');
});
server.listen(Number(process.argv[1]), "127.0.0.1", () => console.log("bare ready"));
`;

/** A bare node:http server answering {"ok":true} to anything. */
export function startBare(port: number): Promise<ChildProcess> {
  return startProcess(process.execPath, ["-e", BARE, String(port)], {}, "bare ready");
}
