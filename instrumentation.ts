// Runs once when the Next.js server starts: sets up the CommCell upstream (or the embedded simulator).
// A configuration error stops the server here, before it serves anything, with the variable named.

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  await stampPeerAddresses();
  const { startRuntimeOrExit } = await import("./lib/api/runtime");
  await startRuntimeOrExit(process.env);
}

/**
 * Route handlers never see the socket, only headers, and X-Forwarded-For is whatever the client wrote.
 * So every request this process's HTTP servers receive gets the socket's address in a header of our own,
 * written over anything a client sent under that name (see lib/api/client-address.ts).
 */
async function stampPeerAddresses(): Promise<void> {
  const http = await import("node:http");
  const { stampPeer } = await import("./lib/api/client-address");
  const marker = Symbol.for("commcell-job-monitor.peer-stamp");
  const proto = http.Server.prototype as typeof http.Server.prototype & { [marker]?: true };
  if (proto[marker]) return;
  proto[marker] = true;
  const emit = proto.emit;
  proto.emit = function (this: unknown, event: string | symbol, ...args: unknown[]) {
    if (event === "request") stampPeer(args[0] as import("node:http").IncomingMessage);
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof proto.emit;
}
