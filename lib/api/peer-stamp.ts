// Route handlers never see the socket, only headers, and X-Forwarded-For is whatever the client wrote.
// So every request this process's HTTP servers receive gets the socket's address in a header of our own,
// written over anything a client sent under that name (see client-address.ts). Node only: loaded by
// instrumentation.ts behind its NEXT_RUNTIME check, so the Edge bundle never sees node:http.

import http from "node:http";
import { stampPeer } from "./client-address";

const marker = Symbol.for("commcell-job-monitor.peer-stamp");

export function stampPeerAddresses(): void {
  const proto = http.Server.prototype as typeof http.Server.prototype & { [marker]?: true };
  if (proto[marker]) return;
  proto[marker] = true;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stampPeer(args[0] as http.IncomingMessage);
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
}
