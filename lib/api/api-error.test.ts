import { describe, expect, it, vi } from "vitest";
import { ApiError, errorResponse } from "./api-error";

describe("ApiError across bundles", () => {
  it("is known by another copy of its module: answered with its status, not as an unexpected 500", async () => {
    vi.resetModules();
    const copy = await import("./api-error");
    expect(copy.ApiError).not.toBe(ApiError); // a second copy, as Next's instrumentation bundle holds
    const made = new copy.ApiError(422, "idempotency_key_reused", "used", "idempotencyKey");
    expect(made instanceof ApiError).toBe(true);
    const answer = errorResponse(made);
    expect(answer.status).toBe(422);
    expect((await answer.json()).error).toEqual({
      code: "idempotency_key_reused",
      message: "used",
      param: "idempotencyKey",
    });
    expect(new Error("x") instanceof ApiError).toBe(false);
  });
});
