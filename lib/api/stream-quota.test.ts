import { describe, expect, it } from "vitest";
import { ApiError } from "./api-error";
import { StreamQuota } from "./stream-quota";

function refusal(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("not refused");
}

describe("StreamQuota", () => {
  it("refuses a holder's stream past its limit with 429 naming it, and takes one again once one ends", () => {
    const quota = new StreamQuota(3, 32);
    const ends = [1, 2, 3].map(() => quota.take({ holder: "user:a" }, ["jobs:x"]));
    const refused = refusal(() => quota.take({ holder: "user:a" }, ["jobs:x"]));
    expect(refused).toMatchObject({ status: 429, code: "stream_limit" });
    expect(refused.message).toContain("at most 3 streams");
    expect(refused.headers["Retry-After"]).toBeDefined();
    // Another holder is not touched by the first one's use.
    expect(() => quota.take({ holder: "user:b" }, ["jobs:x"])).not.toThrow();
    ends[0]?.();
    ends[0]?.(); // given back once, however often
    expect(quota.streamsOf("user:a")).toBe(2);
    expect(() => quota.take({ holder: "user:a" }, ["jobs:x"])).not.toThrow();
  });

  it("counts distinct views over all of a holder's streams, the same view once", () => {
    const quota = new StreamQuota(16, 4);
    const first = quota.take({ holder: "address:10.0.0.1" }, ["jobs:a", "jobs:b", "jobs:a"]);
    quota.take({ holder: "address:10.0.0.1" }, ["jobs:a", "wall:c"]);
    expect(refusal(() => quota.take({ holder: "address:10.0.0.1" }, ["jobs:d", "jobs:e"])).message).toContain(
      "at most 4 distinct views",
    );
    // Views already watched add nothing: a second screen of the same wall is taken.
    quota.take({ holder: "address:10.0.0.1" }, ["wall:c", "jobs:b"]);
    quota.take({ holder: "address:10.0.0.1" }, ["jobs:d"]);
    first();
    // jobs:b is still watched by the third stream; jobs:a by the second: nothing freed but the count.
    expect(() => quota.take({ holder: "address:10.0.0.1" }, ["jobs:e"])).toThrow(/distinct views/);
  });

  it("keeps the service identity's addresses together under one bound of distinct views", () => {
    const quota = new StreamQuota(16, 4);
    const at = (address: string) => ({ holder: `address:${address}`, pool: "service" });
    const ends = ["10.0.0.1", "10.0.0.2", "10.0.0.3", "10.0.0.4"].map((address, index) =>
      quota.take(at(address), [`jobs:${index}`]),
    );
    // A fifth address, each alone well under its own bound: the pool is full.
    const refused = refusal(() => quota.take(at("10.0.0.5"), ["jobs:new"]));
    expect(refused.message).toContain("by all screens not signed in together");
    // A view the pool already watches costs nothing: another wall screen of it is taken.
    expect(() => quota.take(at("10.0.0.5"), ["jobs:0"])).not.toThrow();
    ends[1]?.();
    expect(() => quota.take(at("10.0.0.5"), ["jobs:new"])).not.toThrow();
    // A signed-in user is not in the pool.
    expect(() => quota.take({ holder: "user:ann" }, ["jobs:other"])).not.toThrow();
  });
});
