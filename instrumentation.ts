// Runs once when the Next.js server starts: sets up the CommCell upstream (or the embedded simulator).
// A configuration error stops the server here, before it serves anything, with the variable named.

export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startRuntimeOrExit } = await import("./lib/api/runtime");
  await startRuntimeOrExit(process.env);
}
