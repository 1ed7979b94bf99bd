// Whether the CommCell's web server answers at all, for /api/health. Any answer, even a 401 or 404, shows
// it is up; only a network failure or a timeout does not. Kept for a few seconds, so that a health check
// polled by strangers or a load balancer does not become a stream of requests to the CommCell.

import "server-only";
import { isCommCellError } from "./errors";
import { exchange } from "./http";

export interface Reachability {
  readonly reachable: boolean;
  /** The kind of failure ("network", "timeout"), or null. */
  readonly kind: string | null;
  /** What failed, in words; for signed-in viewers only. */
  readonly message: string | null;
  readonly checkedAt: number;
}

export const PROBE_TTL_MS = 5000;

const KEY = Symbol.for("commcell-job-monitor.probe");
type Holder = { [KEY]?: { root: string; at: number; answer: Promise<Reachability> } };

async function probeNow(root: string): Promise<Reachability> {
  try {
    await exchange({ url: new URL("Login", root).href, timeoutMs: 5000, maxBytes: 64 * 1024 });
  } catch (error) {
    if (isCommCellError(error) && (error.kind === "network" || error.kind === "timeout")) {
      return { reachable: false, kind: error.kind, message: error.message, checkedAt: Date.now() };
    }
  }
  return { reachable: true, kind: null, message: null, checkedAt: Date.now() };
}

export function probeCommCell(root: string, now = Date.now()): Promise<Reachability> {
  const holder = globalThis as Holder;
  const kept = holder[KEY];
  if (kept && kept.root === root && now - kept.at < PROBE_TTL_MS) return kept.answer;
  const answer = probeNow(root);
  holder[KEY] = { root, at: now, answer };
  return answer;
}
