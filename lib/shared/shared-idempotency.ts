// Action idempotency keys shared between instances: a confirmed action retried on another instance (a
// balancer that moved the browser, a lost answer) acts once. The first instance marks the key pending in
// Redis, acts, and stores the results; another one seeing the key waits for those results. Without Redis
// (or while it is down) each instance keeps its own keys, as with one instance.

import "server-only";
import { ApiError } from "@/lib/api/api-error";
import { type IdempotencyStore, reusedKeyError } from "@/lib/api/idempotency";
import type { RedisLink } from "./redis-link";

const KEEP_MS = 15 * 60_000;
const WAIT_MS = 120_000;
const POLL_MS = 200;

interface Held<T> {
  readonly fingerprint: string;
  readonly state: "pending" | "done";
  readonly result?: T;
}

function readHeld<T>(text: string | null): Held<T> | null {
  if (text === null) return null;
  try {
    const held = JSON.parse(text) as Partial<Held<T>>;
    if (typeof held.fingerprint !== "string" || (held.state !== "pending" && held.state !== "done"))
      return null;
    return held as Held<T>;
  } catch {
    return null;
  }
}

export class SharedIdempotency<T> {
  constructor(
    private readonly local: IdempotencyStore<T>,
    private readonly link: RedisLink | null,
  ) {}

  async run(key: string, fingerprint: string, work: () => Promise<T>): Promise<T> {
    // The same instance first (a double click), then the others.
    return this.local.run(key, fingerprint, () =>
      this.link ? this.shared(this.link, key, fingerprint, work) : work(),
    );
  }

  private async shared(
    link: RedisLink,
    key: string,
    fingerprint: string,
    work: () => Promise<T>,
  ): Promise<T> {
    const name = link.key(`idempotency:${Buffer.from(key).toString("base64url")}`);
    const pending: Held<T> = { fingerprint, state: "pending" };
    const claimed = await link.run(
      (client) => client.set(name, link.seal(name, JSON.stringify(pending)), { NX: true, PX: KEEP_MS }),
      "DOWN",
    );
    if (claimed === "DOWN") return work();
    if (claimed === "OK") {
      try {
        const result = await work();
        const done: Held<T> = { fingerprint, state: "done", result };
        await link.run(
          (client) => client.set(name, link.seal(name, JSON.stringify(done)), { PX: KEEP_MS }),
          null,
        );
        return result;
      } catch (error) {
        // Refused as a whole, nothing done: the key may be sent again.
        await link.run((client) => client.del(name), 0);
        throw error;
      }
    }
    for (let waited = 0; waited < WAIT_MS; waited += POLL_MS) {
      const value = await link.run((client) => client.get(name), "DOWN");
      if (value === "DOWN") break;
      if (value === null) return this.shared(link, key, fingerprint, work);
      const held = readHeld<T>(link.unseal(name, value));
      // Not this deployment's, or changed: never answered as this request's results, and never acted
      // on again either, since an action may stand behind it.
      if (held === null)
        throw new ApiError(
          409,
          "idempotency_record_unreadable",
          "An action was recorded under this idempotency key, but its record cannot be read here (written with another SESSION_SECRET, or changed): nothing was sent now; look at the jobs, and send a new key to act again.",
          "idempotencyKey",
        );
      if (held.fingerprint !== fingerprint) throw reusedKeyError();
      if (held.state === "done") return held.result as T;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    throw new ApiError(
      409,
      "action_in_progress",
      "This action is still being carried out by another instance of the dashboard: look at the jobs in a moment.",
    );
  }
}
