// Sets up the upstream when the server starts: reads the configuration (stopping the server with a clear
// message when it is wrong), starts the embedded simulator when no CommCell is configured, and prepares the
// service identity's token source. Called once, from instrumentation.ts.

import "server-only";
import { readOptions } from "@/lib/simulator/options";
import { ConfigError, readCommCellConfig } from "./config";
import { upstreamGate } from "./gate";
import { login } from "./login";
import { TokenSource } from "./token-source";
import { type Upstream, upstreamSession } from "./upstream";

type Env = Readonly<Record<string, string | undefined>>;

export async function startUpstream(env: Env): Promise<Upstream> {
  const config = readCommCellConfig(env);
  upstreamGate().setLimit(config.maxInFlight);
  if (config.url === null) {
    // Demo mode: the simulator listens on a free loopback port unless SIMULATOR_PORT says otherwise.
    const options = readOptions([], env, { port: 0, adminPort: 0 });
    const { startSimulator } = await import("@/lib/simulator/http/server");
    const simulator = await startSimulator(options);
    const tokens = new TokenSource(
      async () => (await login(simulator.url, options.username, options.password, config.timeoutMs)).token,
    );
    const upstream: Upstream = {
      config,
      demo: true,
      root: simulator.url,
      service: upstreamSession({ root: simulator.url, config }, tokens),
    };
    console.info(
      `commcell: demo mode, embedded CommCell simulator at ${simulator.url} (admin ${simulator.adminUrl}, token ${simulator.adminToken})`,
    );
    return upstream;
  }
  const root = config.url;
  const identity = config.identity;
  const tokens =
    identity.kind === "account"
      ? new TokenSource(
          async () => (await login(root, identity.username, identity.password, config.timeoutMs)).token,
        )
      : identity.kind === "token"
        ? new TokenSource(null, identity.token)
        : null;
  const upstream: Upstream = {
    config,
    demo: false,
    root,
    service: tokens ? upstreamSession({ root, config }, tokens) : null,
  };
  console.info(
    `commcell: ${root} (${identity.kind === "sign-in" ? "people sign in" : `service ${identity.kind}`})`,
  );
  return upstream;
}

export { ConfigError };
