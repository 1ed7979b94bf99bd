// Sign-outs shared between instances: a revocation made on one is written to Redis (with the time it must
// be remembered) and announced; every instance keeps its own copy, so checking a session stays a memory
// lookup. An instance that was cut off from Redis catches up when it reconnects, from the keys themselves.

import "server-only";
import type { Revocations } from "@/lib/api/revocations";
import type { RedisLink } from "./redis-link";

const CHANNEL = "revoked";

export function shareRevocations(
  link: RedisLink,
  revocations: Revocations,
  clock: () => number = Date.now,
): void {
  revocations.onRevoke = (sessionId, untilMs) => {
    const ttl = Math.max(1, Math.ceil(untilMs - clock()));
    const key = link.key(`revoked:${sessionId}`);
    void link.run(async (client) => {
      await client.set(key, link.seal(key, String(untilMs)), { PX: ttl });
      await client.publish(link.key(CHANNEL), link.seal(link.key(CHANNEL), `${sessionId} ${untilMs}`));
    }, undefined);
  };
  // Sealed too: a stranger publishing on this channel must not be able to sign people out.
  link.subscribe(CHANNEL, (sealed) => {
    const message = link.unseal(link.key(CHANNEL), sealed);
    const [sessionId, until] = message?.split(" ") ?? [];
    if (sessionId && until && /^\d+$/.test(until)) revocations.revoke(sessionId, Number(until), true);
  });
  link.onReady(() => {
    void link.run(async (client) => {
      for await (const keys of client.scanIterator({ MATCH: link.key("revoked:*"), COUNT: 500 })) {
        for (const key of Array.isArray(keys) ? keys : [keys]) {
          const until = link.unseal(key, await client.get(key));
          if (until && /^\d+$/.test(until))
            revocations.revoke(key.slice(link.key("revoked:").length), Number(until), true);
        }
      }
    }, undefined);
  });
}
