// The service account's token, shared: one sign-in for all instances, renewed once on a 401 wherever it is
// seen (the lock), kept in Redis for as long as a CommCell token lives idle.

import "server-only";
import { randomBytes } from "node:crypto";
import type { SharedToken } from "@/lib/commcell/token-source";
import type { RedisLink } from "./redis-link";

const TOKEN_TTL_MS = 25 * 60_000;
const LOCK_MS = 15_000;

// Deletes the lock only if it still holds this instance's token: a lock that expired and was taken by
// another instance is not released by the one that lost it.
export const RELEASE_LOCK = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

export function sharedToken(link: RedisLink, identity: string): SharedToken {
  const key = link.key(`token:${identity}`);
  const lockKey = link.key(`token-lock:${identity}`);
  return {
    // Encrypted: whoever can read this Redis must not be able to act as the service account.
    read: async () => link.decrypt(key, await link.run((client) => client.get(key), null)),
    write: async (token) => {
      await link.run((client) => client.set(key, link.encrypt(key, token), { PX: TOKEN_TTL_MS }), null);
    },
    lock: async () => {
      const mine = randomBytes(12).toString("hex");
      // Redis down: this instance may sign in by itself (null would make it wait for a holder that is not there).
      const taken = await link.run((client) => client.set(lockKey, mine, { NX: true, PX: LOCK_MS }), "DOWN");
      if (taken === "DOWN") return async () => {};
      if (taken !== "OK") return null;
      return async () => {
        await link.run((client) => client.eval(RELEASE_LOCK, { keys: [lockKey], arguments: [mine] }), 0);
      };
    },
  };
}
