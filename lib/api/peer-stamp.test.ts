import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { PEER_HEADER } from "./client-address";
import { stampPeerAddresses } from "./peer-stamp";

// A real node:http server on loopback, as `next start` is one: what its handlers see under PEER_HEADER.
const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

async function peerSeenFor(headers: Record<string, string>): Promise<unknown> {
  const server = http.createServer((request, response) => {
    response.end(JSON.stringify(request.headers[PEER_HEADER] ?? null));
  });
  servers.push(server);
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  const response = await fetch(`http://127.0.0.1:${port}/`, { headers });
  return response.json();
}

describe("stampPeerAddresses", () => {
  it("writes the socket's address over the one a client claims", async () => {
    stampPeerAddresses();
    expect(await peerSeenFor({ [PEER_HEADER]: "203.0.113.7" })).toBe("127.0.0.1");
    expect(await peerSeenFor({})).toBe("127.0.0.1");
  });

  it("wraps the servers once however often it runs (Next may load instrumentation twice)", async () => {
    stampPeerAddresses();
    const emit = http.Server.prototype.emit;
    stampPeerAddresses();
    expect(http.Server.prototype.emit).toBe(emit);
    expect(await peerSeenFor({ [PEER_HEADER]: "::1" })).toBe("127.0.0.1");
  });
});
