// The exchange against real loopback servers that misbehave: redirects to another host must not carry the
// token or the password away, bodies are bounded, and the server-wide gate holds.

import { afterEach, describe, expect, it } from "vitest";
import { commCellFailure } from "@/lib/test/failure";
import { startTestServer, type TestServer } from "@/lib/test/http-server";
import { Gate, upstreamGate } from "./gate";
import { exchange } from "./http";
import { login } from "./login";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
  upstreamGate().setLimit(8);
});
async function server(handle: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const started = await startTestServer(handle);
  servers.push(started);
  return started;
}
const failure = commCellFailure;

describe("exchange and redirects", () => {
  it("does not follow a 307 to another host, and names where it pointed", async () => {
    const elsewhere = await server((_, res) => void res.end('{"jobs":[],"totalRecordsWithoutPaging":0}'));
    const commcell = await server((_, res) => {
      res.writeHead(307, { Location: `${elsewhere.url}Job` });
      res.end();
    });
    const error = await failure(
      exchange({ url: `${commcell.url}Job`, headers: { Authtoken: "QSDK secret" }, timeoutMs: 5000 }),
    );
    expect(error.kind).toBe("redirect");
    expect(error.message).toContain(`${elsewhere.url}Job`);
    expect(elsewhere.received).toHaveLength(0);
  });

  it("does not re-send the sign-in's password to another host", async () => {
    const elsewhere = await server((_, res) => void res.end('{"token":"QSDK stolen"}'));
    const commcell = await server((_, res) => {
      res.writeHead(307, { Location: `${elsewhere.url}Login` });
      res.end();
    });
    const error = await failure(login(commcell.url, "admin", "hunter2", 5000));
    expect(error.kind).toBe("redirect");
    expect(elsewhere.received).toHaveLength(0);
  });

  it("keeps a sign-in's GUID only when it looks like one", async () => {
    const answering = (guid: unknown) =>
      server((_, res) => void res.end(JSON.stringify({ token: "QSDK t", userName: "ann", userGUID: guid })));
    const good = await answering(" 5E3C7D59-2B5E-4C56-9C5B-7F1A6C0B1D3E ");
    expect((await login(good.url, "ann", "pw", 5000)).userGuid).toBe("5E3C7D59-2B5E-4C56-9C5B-7F1A6C0B1D3E");
    for (const guid of ["", "a|b", "x".repeat(65), {}, null]) {
      const odd = await answering(guid);
      expect((await login(odd.url, "ann", "pw", 5000)).userGuid).toBeNull();
    }
  });

  it("follows a redirect on the same origin that keeps the method", async () => {
    const commcell = await server((req, res) => {
      if (req.url === "/api/Old") {
        res.writeHead(308, { Location: "/api/New" });
        res.end();
      } else res.end(`at ${req.url} with ${req.headers.authtoken}`);
    });
    const answer = await exchange({
      url: `${commcell.url}Old`,
      headers: { Authtoken: "QSDK t" },
      timeoutMs: 5000,
    });
    expect(answer.body).toBe("at /api/New with QSDK t");
  });

  it("refuses a 302 that would turn a POST into a GET", async () => {
    const commcell = await server((_, res) => {
      res.writeHead(302, { Location: "/api/Other" });
      res.end();
    });
    const error = await failure(
      exchange({ url: `${commcell.url}Login`, method: "POST", body: "{}", timeoutMs: 5000 }),
    );
    expect(error.kind).toBe("redirect");
    expect(commcell.received).toHaveLength(1);
  });
});

describe("exchange and bodies", () => {
  it("cuts off an endless body past the limit with a typed error", async () => {
    const commcell = await server((_, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      const chunk = "x".repeat(64 * 1024);
      const write = () => {
        while (res.write(chunk)) {}
        res.once("drain", write);
      };
      write();
      res.on("close", () => res.removeAllListeners("drain"));
    });
    const error = await failure(
      exchange({ url: `${commcell.url}Job`, timeoutMs: 10_000, maxBytes: 1024 * 1024 }),
    );
    expect(error.kind).toBe("parse");
    expect(error.code).toBe("too_large");
  });

  it("refuses a declared length past the limit before reading it", async () => {
    const commcell = await server((_, res) => {
      res.writeHead(200, { "Content-Length": String(10 * 1024 * 1024) });
      res.write("x");
    });
    const error = await failure(
      exchange({ url: `${commcell.url}Job`, timeoutMs: 10_000, maxBytes: 1024 * 1024 }),
    );
    expect(error.code).toBe("too_large");
  });

  it("reads multi-byte text split across chunks, and the upstream's clock", async () => {
    const commcell = await server((_, res) => {
      const bytes = Buffer.from("Zürich ✓", "utf8");
      res.writeHead(200, { Date: "Tue, 01 Dec 2026 10:00:00 GMT" });
      res.write(bytes.subarray(0, 2));
      res.end(bytes.subarray(2));
    });
    const answer = await exchange({ url: `${commcell.url}Job`, timeoutMs: 5000 });
    expect(answer.body).toBe("Zürich ✓");
    expect(answer.clock?.upstream).toBe(Date.UTC(2026, 11, 1, 10));
  });
});

describe("the gate", () => {
  it("holds requests in flight to the CommCell at its limit, and lets the rest through in turn", async () => {
    let inFlight = 0;
    let most = 0;
    const commcell = await server((_, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      setTimeout(() => {
        inFlight--;
        res.end("ok");
      }, 20);
    });
    upstreamGate().setLimit(3);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => exchange({ url: `${commcell.url}Job`, timeoutMs: 10_000 })),
    );
    expect(answers.every((answer) => answer.body === "ok")).toBe(true);
    expect(most).toBe(3);
    expect(upstreamGate().stats()).toMatchObject({ inFlight: 0, waiting: 0 });
  });

  it("frees its place when the work fails", async () => {
    const gate = new Gate(1);
    await expect(gate.run(() => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(await gate.run(async () => "next")).toBe("next");
  });
});
