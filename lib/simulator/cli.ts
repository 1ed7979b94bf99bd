// npm run simulator -- --port 8081 --jobs 20000 --seed 42 --time-warp 60
// Starts the simulated CommCell and prints its web-service root URL.

import { startSimulator } from "./http/server";
import { OptionsError, readOptions, usage } from "./options";

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    process.stdout.write(usage());
    return;
  }
  let options: ReturnType<typeof readOptions>;
  try {
    options = readOptions(argv, process.env);
  } catch (error) {
    if (!(error instanceof OptionsError)) throw error;
    process.stderr.write(`simulator: ${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const started = Date.now();
  const simulator = await startSimulator(options);
  simulator.commcell.listJobs({
    category: "all",
    kinds: null,
    clientId: null,
    lookupSeconds: 0,
    offset: 0,
    limit: 0,
  });
  process.stdout.write(
    `CommCell simulator ready in ${Date.now() - started} ms: ${options.jobs} jobs a year, ${options.clients} clients, seed ${options.seed}, time warp ${options.timeWarp}x\n` +
      `web service root: ${simulator.url}\n` +
      `admin (loopback): ${simulator.adminUrl}\n` +
      `admin token: ${simulator.adminToken} (send as Authorization: Bearer <token>)\n` +
      `sign in as ${options.username}\n`,
  );
  const shutdown = () => {
    simulator.close().finally(() => process.exit(0));
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`simulator: ${(error as Error).message}\n`);
  process.exitCode = 1;
});
