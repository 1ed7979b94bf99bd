// Sharing through a real Redis (Debian's redis-server on a loopback port): two "instances" here are two
// links with their own memory, as two servers would have.

import { createClient } from "redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { IdempotencyStore } from "@/lib/api/idempotency";
import { Revocations } from "@/lib/api/revocations";
import { SignInLimiter } from "@/lib/api/sign-in-limiter";
import type { RefreshedJobs } from "@/lib/commcell/job-refresh";
import { normalizeJobSummary } from "@/lib/commcell/normalize";
import { TokenSource } from "@/lib/commcell/token-source";
import type { Job } from "@/lib/jobs/job";
import { TestRedis } from "@/lib/test/redis-server";
import { RedisLink, type RedisScope, readRedisPrefix, readRedisUrl } from "./redis-link";
import { SharedAnswers } from "./shared-answers";
import { SharedIdempotency } from "./shared-idempotency";
import { shareRevocations } from "./shared-revocations";
import { SharedSignIns } from "./shared-sign-ins";
import { sharedToken } from "./shared-token";

let redis: TestRedis;
const links: RedisLink[] = [];

const SCOPE: RedisScope = {
  prefix: null,
  commcell: "https://commcell.example/webconsole/api",
  secret: "shared-test-secret-0123456789abcdef",
};

async function link(scope: RedisScope = SCOPE): Promise<RedisLink> {
  const made = new RedisLink(redis.url, scope);
  made.start();
  links.push(made);
  await until(() => made.isReady);
  return made;
}

/** Two instances' shared answers on their own links, on one clock the test moves (`time.now`). */
async function twoInstances() {
  const time = { now: Date.now() };
  const clock = () => time.now;
  const options = { ttlMs: 10_000, maxBytes: 1024 * 1024, keepMs: 60_000 };
  const a = new SharedAnswers(await link(), options, clock);
  const b = new SharedAnswers(await link(), options, clock);
  return { a, b, time };
}

async function until(test: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await test())) {
    if (Date.now() - started > ms) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  redis = await TestRedis.start();
});
afterAll(async () => {
  await Promise.all(links.map((each) => each.close()));
  await redis.stop();
});

/** A job with the fields an answer read back from Redis is checked for, and nothing else. */
const stub = (id: number) => ({
  id,
  statusKind: "completed",
  active: false,
  startTime: null,
  endTime: null,
  clientGroups: [],
});

const answer = (jobs: number): RefreshedJobs => ({
  jobs: Array.from({ length: jobs }, (_, id) => stub(id + 1)) as never,
  upstreamTotal: jobs,
  pages: 1,
  durationMs: 1,
  dropped: { hidden: 0, unreadable: 0 },
  fullAt: 0,
  incremental: false,
  clockOffsetMs: 0,
  version: 1,
  delta: null,
});

describe("what is read back from Redis", () => {
  const options = { ttlMs: 10_000, maxBytes: 64 * 1024, keepMs: 60_000 };
  const raw = () => createClient({ url: redis.url });

  it("is never shared between two deployments, or two CommCells, on one Redis", async () => {
    const scopes: RedisScope[] = [
      { ...SCOPE, prefix: "staging" },
      { ...SCOPE, prefix: "production" },
      { ...SCOPE, commcell: "https://other-commcell.example/webconsole/api" },
    ];
    const answers = await Promise.all(
      scopes.map(async (scope) => new SharedAnswers(await link(scope), options)),
    );
    await answers[0]?.load("service|window=24h", null, async () => answer(3));
    let loads = 0;
    for (const other of answers.slice(1)) {
      const value = await other.load("service|window=24h", null, async () => {
        loads++;
        return answer(1);
      });
      expect(value.jobs).toHaveLength(1);
    }
    expect(loads).toBe(2);
  });

  it("is ignored and counted when another secret sealed it, or when it was tampered with", async () => {
    const mine = await link({ ...SCOPE, prefix: "sealed" });
    const stranger = await link({
      ...SCOPE,
      prefix: "sealed",
      secret: "another-deployment-secret-0123456789",
    });
    await new SharedAnswers(stranger, options).load("service|q", null, async () => answer(5));
    const reader = new SharedAnswers(mine, options);
    let loads = 0;
    const load = async () => {
      loads++;
      return answer(2);
    };
    expect((await reader.load("service|q", null, load)).jobs).toHaveLength(2);
    expect(loads).toBe(1);
    expect(mine.status().rejected).toBeGreaterThan(0);

    // A value of the right key and seal but edited in Redis, and one far larger than any answer written.
    const client = raw();
    await client.connect();
    try {
      const metaKeys = await client.keys(mine.key("answer-meta:*"));
      expect(metaKeys.length).toBeGreaterThan(0);
      for (const key of metaKeys) {
        const value = (await client.get(key)) as string;
        await client.set(key, value.replace('"fetchedAt":', '"fetchedAt":9'));
      }
      const before = mine.status().rejected;
      const again = new SharedAnswers(mine, { ...options, ttlMs: 1e15 });
      expect((await again.load("service|q", null, load)).jobs).toHaveLength(2);
      expect(mine.status().rejected).toBeGreaterThan(before);
    } finally {
      await client.close();
    }
  });

  it("keeps the service account's token encrypted in Redis", async () => {
    const shared = sharedToken(await link({ ...SCOPE, prefix: "token" }), "service:enc");
    await shared.write("QSDK secret-token-value");
    expect(await shared.read()).toBe("QSDK secret-token-value");
    const client = raw();
    await client.connect();
    try {
      const keys = await client.keys("cjm:token:*");
      expect(keys.length).toBe(1);
      const stored = (await client.get(keys[0] as string)) as string;
      expect(stored).not.toContain("secret-token-value");
      // Read by a deployment with another secret: nothing, not the ciphertext.
      const other = sharedToken(
        await link({ ...SCOPE, prefix: "token", secret: "another-deployment-secret-0123456789" }),
        "service:enc",
      );
      expect(await other.read()).toBeNull();
    } finally {
      await client.close();
    }
  });

  it("names REDIS_PREFIX when it is not a key segment", () => {
    expect(readRedisPrefix(undefined)).toBeNull();
    expect(readRedisPrefix("prod-eu.1")).toBe("prod-eu.1");
    expect(() => readRedisPrefix("a b:*")).toThrow("REDIS_PREFIX may hold only");
  });
});

describe("REDIS_URL", () => {
  it("takes redis:// and rediss:// URLs and names the variable for anything else", () => {
    expect(readRedisUrl(undefined)).toBeNull();
    expect(readRedisUrl("  ")).toBeNull();
    expect(readRedisUrl("redis://127.0.0.1:6379")).toBe("redis://127.0.0.1:6379");
    expect(() => readRedisUrl("localhost:6379")).toThrow("REDIS_URL must start with redis:// or rediss://");
    expect(() => readRedisUrl("not a url")).toThrow("REDIS_URL is not a URL");
    // A password in an unparsable URL is never echoed.
    expect(() => readRedisUrl("redis//:hunter2@host")).toThrow(/^(?!.*hunter2)/);
  });
});

describe("sharing through Redis", () => {
  it("counts wrong passwords on two instances together", async () => {
    const [a, b] = [
      new SharedSignIns(new SignInLimiter(), await link()),
      new SharedSignIns(new SignInLimiter(), await link()),
    ];
    // Three free failures per user name; the fourth blocks, wherever it was made.
    for (const instance of [a, b, a, b])
      expect((await instance.attempt("Mallory", "10.0.0.1")).allowed).toBe(true);
    expect(await a.attempt("mallory", "10.0.0.2")).toMatchObject({ allowed: false });
    expect(await b.attempt("mallory", "10.0.0.3")).toMatchObject({ allowed: false });
    // A success clears only its own user name.
    const alice = await b.attempt("alice", "10.0.0.1");
    await a.succeeded(alice);
    expect((await b.attempt("alice", "10.0.0.1")).allowed).toBe(true);
  });

  it("lets at most four of 200 parallel wrong passwords over two instances reach the CommCell", async () => {
    const [a, b] = [
      new SharedSignIns(new SignInLimiter(), await link()),
      new SharedSignIns(new SignInLimiter(), await link()),
    ];
    let reached = 0;
    const guess = async (instance: SharedSignIns, n: number) => {
      const attempt = await instance.attempt("svc-parallel", `10.1.${n % 50}.1`);
      if (attempt.allowed) reached++;
    };
    await Promise.all(Array.from({ length: 200 }, (_, n) => guess(n % 2 ? a : b, n)));
    // Three free failures, and the fourth sets the first wait: the fifth and every later one wait.
    expect(reached).toBe(4);
  });

  it("ends a session on every instance when it is revoked on one", async () => {
    const [here, there] = [new Revocations(), new Revocations()];
    shareRevocations(await link(), here);
    shareRevocations(await link(), there);
    here.revoke("sid-1", Date.now() + 60_000);
    await until(() => there.isRevoked("sid-1"));
    // An instance that starts later catches up from the keys.
    const late = new Revocations();
    shareRevocations(await link(), late);
    await until(() => late.isRevoked("sid-1"));
    expect(late.isRevoked("sid-2")).toBe(false);
  });

  it("signs the service account in once for all instances, and renews it once on a 401", async () => {
    let signIns = 0;
    const signIn = async () => {
      signIns++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return `QSDK token-${signIns}`;
    };
    const sources = await Promise.all(
      [1, 2, 3].map(async () => {
        const source = new TokenSource(signIn);
        source.shared = sharedToken(await link(), "service:test");
        return source;
      }),
    );
    const first = await Promise.all(sources.map((source) => source.token()));
    expect(new Set(first.map((token) => token.value))).toEqual(new Set(["QSDK token-1"]));
    expect(signIns).toBe(1);
    const renewed = await Promise.all(
      sources.map((source, i) => source.renew(first[i] as (typeof first)[number])),
    );
    expect(new Set(renewed.map((token) => token?.value))).toEqual(new Set(["QSDK token-2"]));
    expect(signIns).toBe(2);
  });

  it("acts once for an idempotency key sent to two instances", async () => {
    const [a, b] = [
      new SharedIdempotency<string>(new IdempotencyStore(), await link()),
      new SharedIdempotency<string>(new IdempotencyStore(), await link()),
    ];
    let acted = 0;
    const act = async () => {
      acted++;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return "results";
    };
    expect(await Promise.all([a.run("user:a|k1", "kill 7", act), b.run("user:a|k1", "kill 7", act)])).toEqual(
      ["results", "results"],
    );
    expect(acted).toBe(1);
    await expect(b.run("user:a|k1", "kill 8", act)).rejects.toThrow("already used for a different request");
  });

  it("neither acts nor answers for a key whose record another secret sealed: it says so", async () => {
    const theirs = new SharedIdempotency<string>(
      new IdempotencyStore(),
      await link({ ...SCOPE, secret: "another-secret-fedcba9876543210" }),
    );
    const ours = new SharedIdempotency<string>(new IdempotencyStore(), await link());
    let acted = 0;
    const act = async () => `results ${++acted}`;
    expect(await theirs.run("user:a|k2", "kill 7", act)).toBe("results 1");
    await expect(ours.run("user:a|k2", "kill 7", act)).rejects.toMatchObject({
      status: 409,
      code: "idempotency_record_unreadable",
    });
    expect(acted).toBe(1);
  });

  it("fetches a view once for two instances, and the other takes that answer", async () => {
    const options = { ttlMs: 10_000, maxBytes: 1024 * 1024, keepMs: 60_000 };
    const [a, b] = [new SharedAnswers(await link(), options), new SharedAnswers(await link(), options)];
    let loads = 0;
    const load = async () => {
      loads++;
      await new Promise((resolve) => setTimeout(resolve, 200));
      return answer(500);
    };
    const [mine, theirs] = await Promise.all([
      a.load("user:x|view", null, load),
      b.load("user:x|view", null, load),
    ]);
    expect(loads).toBe(1);
    expect(theirs.jobs).toHaveLength(500);
    expect(mine.jobs).toHaveLength(500);
    expect(b.stats().taken + a.stats().taken).toBe(1);
  });

  it("carries an incremental refresh to the other instance as its delta, merged into that one's own answer", async () => {
    const { a, b, time } = await twoInstances();
    const key = "user:z|view";
    const full = await a.load(key, null, async () => answer(100));
    const bHas = { value: await b.load(key, null, async () => answer(0)), fetchedAt: time.now };
    expect(bHas.value.jobs).toHaveLength(100);
    time.now += 11_000;
    // A refreshes: one new job, fetched with a look-back reaching before B's answer.
    const fresh = stub(1000) as never;
    await a.load(key, { value: full, fetchedAt: time.now - 11_000 }, async () => ({
      ...answer(101),
      incremental: true,
      delta: [fresh],
      deltaCoversFrom: time.now - 11_000 - 300_000,
    }));
    let merged = 0;
    const value = await b.load(
      key,
      bHas,
      async () => answer(0),
      (previous, delta) => {
        merged++;
        return { ...previous.value, jobs: [...delta.jobs, ...previous.value.jobs], delta: delta.jobs };
      },
    );
    expect(merged).toBe(1);
    expect(value.jobs).toHaveLength(101);
    expect(b.stats().merged).toBe(1);
  });

  it("takes another instance's whole answer keeping its own objects of the jobs that did not change", async () => {
    const { a, b, time } = await twoInstances();
    const jobsOf = (statuses: string[]) =>
      statuses.map((status, index) => normalizeJobSummary({ jobId: 10 - index, status }) as Job);
    const bHeld = {
      value: { ...answer(0), jobs: jobsOf(["Running", "Completed", "Failed"]) },
      fetchedAt: time.now,
    };
    time.now += 11_000;
    // A fetches the view whole; job 10 has finished meanwhile.
    await a.load("user:w|view", null, async () => ({
      ...answer(0),
      jobs: jobsOf(["Completed", "Completed", "Failed"]),
    }));
    const value = await b.load("user:w|view", bHeld, async () => {
      throw new Error("B was to take A's answer");
    });
    expect(value.jobs.map((job) => job.status)).toEqual(["Completed", "Completed", "Failed"]);
    expect(value.jobs[0]).not.toBe(bHeld.value.jobs[0]);
    expect(value.jobs[1]).toBe(bHeld.value.jobs[1]);
    expect(value.jobs[2]).toBe(bHeld.value.jobs[2]);
  });

  it("falls back to each instance's own memory while Redis is down, and shares again when it is back", async () => {
    const shared = await link();
    const answers = new SharedAnswers(shared, { ttlMs: 10_000, maxBytes: 1024 * 1024, keepMs: 60_000 });
    await redis.stop();
    await until(() => !shared.isReady);
    let loads = 0;
    const load = async () => {
      loads++;
      return answer(10);
    };
    expect((await answers.load("user:y|view", null, load)).jobs).toHaveLength(10);
    expect(await shared.run((client) => client.ping(), "fallback")).toBe("fallback");
    expect(shared.status()).toMatchObject({ connected: false });
    await redis.resume();
    await until(() => shared.isReady, 15_000);
    expect(await shared.run((client) => client.ping(), "fallback")).toBe("PONG");
    expect(loads).toBe(1);
  });
});
