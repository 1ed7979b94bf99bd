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
    const ends = [1, 2, 3].map(() => quota.take("user:a", ["jobs:x"]));
    const refused = refusal(() => quota.take("user:a", ["jobs:x"]));
    expect(refused).toMatchObject({ status: 429, code: "stream_limit" });
    expect(refused.message).toContain("at most 3 streams");
    expect(refused.headers["Retry-After"]).toBeDefined();
    // Another holder is not touched by the first one's use.
    expect(() => quota.take("user:b", ["jobs:x"])).not.toThrow();
    ends[0]?.();
    ends[0]?.(); // given back once, however often
    expect(quota.streamsOf("user:a")).toBe(2);
    expect(() => quota.take("user:a", ["jobs:x"])).not.toThrow();
  });

  it("counts distinct views over all of a holder's streams, the same view once", () => {
    const quota = new StreamQuota(16, 4);
    const first = quota.take("address:10.0.0.1", ["jobs:a", "jobs:b", "jobs:a"]);
    quota.take("address:10.0.0.1", ["jobs:a", "wall:c"]);
    expect(refusal(() => quota.take("address:10.0.0.1", ["jobs:d", "jobs:e"])).message).toContain(
      "at most 4 distinct views",
    );
    // Views already watched add nothing: a second screen of the same wall is taken.
    quota.take("address:10.0.0.1", ["wall:c", "jobs:b"]);
    quota.take("address:10.0.0.1", ["jobs:d"]);
    first();
    // jobs:b is still watched by the third stream; jobs:a by the second: nothing freed but the count.
    expect(() => quota.take("address:10.0.0.1", ["jobs:e"])).toThrow(/distinct views/);
  });
});
