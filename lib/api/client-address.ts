// The address a request came from, for slowing down sign-in guesses. X-Forwarded-For is written by the
// client unless a proxy we trust rewrites it, so it is read only when TRUSTED_PROXY_HOPS says how many
// proxies append to it (the address the outermost of them saw is then that many entries from its end).
// Otherwise the address is the socket's, which instrumentation stamps on every request (PEER_HEADER,
// replacing whatever a client sent under that name).

import type { IncomingMessage } from "node:http";

export const PEER_HEADER = "x-cjm-peer-address";

export function clientAddress(request: Request, trustedProxyHops = 0): string {
  const peer = request.headers.get(PEER_HEADER) ?? "unknown";
  if (trustedProxyHops === 0) return peer;
  const forwarded = (request.headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustedProxyHops] ?? peer;
}

/** Writes the socket's address on an incoming request, over anything the client sent under that name. */
export function stampPeer(request: IncomingMessage): void {
  request.headers[PEER_HEADER] = request.socket.remoteAddress ?? "unknown";
}
