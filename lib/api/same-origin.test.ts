import { describe, expect, it } from "vitest";
import type { ApiError } from "./api-error";
import { clientAddress, PEER_HEADER } from "./client-address";
import { assertSameOrigin } from "./same-origin";

const post = (headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3000/api/session", {
    method: "POST",
    headers: { host: "127.0.0.1:3000", ...headers },
  });

function refusal(request: Request, hops = 0): ApiError | null {
  try {
    assertSameOrigin(request, hops);
    return null;
  } catch (error) {
    return error as ApiError;
  }
}

describe("assertSameOrigin", () => {
  it("lets this site's own requests through", () => {
    expect(refusal(post({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(refusal(post({ origin: "http://127.0.0.1:3000" }))).toBeNull();
    expect(refusal(post({ "sec-fetch-site": "same-origin" }))).toBeNull();
  });

  it("refuses a cross-site form post, a request without origin, and a lying Origin", () => {
    for (const headers of <Record<string, string>[]>[
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-site" },
      { origin: "https://evil.example" },
      { origin: "null" },
      {},
    ]) {
      const error = refusal(post(headers));
      expect(error?.status, JSON.stringify(headers)).toBe(403);
      expect(error?.code).toBe("cross_origin");
    }
  });

  it("trusts X-Forwarded-Host only behind a configured proxy", () => {
    const proxied = post({ origin: "https://dash.example", "x-forwarded-host": "dash.example" });
    expect(refusal(proxied)?.status).toBe(403);
    expect(refusal(proxied, 1)).toBeNull();
  });
});

describe("clientAddress", () => {
  const request = (headers: Record<string, string>) => new Request("http://x/", { headers });
  it("is the socket's address, whatever X-Forwarded-For claims, without a trusted proxy", () => {
    expect(clientAddress(request({ [PEER_HEADER]: "10.1.1.1", "x-forwarded-for": "1.2.3.4" }))).toBe(
      "10.1.1.1",
    );
  });
  it("is the address the outermost trusted proxy saw, counted from the end", () => {
    const headers = { [PEER_HEADER]: "10.0.0.5", "x-forwarded-for": "6.6.6.6, 203.0.113.9" };
    expect(clientAddress(request(headers), 1)).toBe("203.0.113.9");
    expect(clientAddress(request(headers), 2)).toBe("6.6.6.6");
    expect(clientAddress(request(headers), 3)).toBe("10.0.0.5");
  });
});
