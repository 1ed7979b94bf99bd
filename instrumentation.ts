// Runs once when the Next.js server starts: sets up the CommCell upstream (or the embedded simulator).
// A configuration error stops the server here, before it serves anything, with the variable named.
// Everything it loads is Node-only and imported behind the NEXT_RUNTIME check, which Next replaces with a
// constant per bundle: the Edge bundle drops the imports (and stopped warning about node:http).

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { stampPeerAddresses } = await import("./lib/api/peer-stamp");
  stampPeerAddresses();
  const { startRuntimeOrExit } = await import("./lib/api/runtime");
  await startRuntimeOrExit(process.env);
}
