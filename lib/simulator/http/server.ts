// The simulator as real HTTP servers: the web service, under the same root path a CommCell web server uses,
// and a small admin endpoint bound to loopback for faults, the clock and token expiry.

import { randomBytes, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SimulatedCommCell } from "../model/commcell";
import type { SimulatorOptions } from "../options";
import { errorReply, type Reply } from "./bodies";
import { ErrorRateGate, FaultError, type Faults, NO_FAULTS, updateFaults } from "./faults";
import { send, wantsJson } from "./send";
import { Sessions } from "./sessions";
import { faultyJobList, routeWebService } from "./web-service";

export const WEB_SERVICE_ROOT = "/SearchSvc/CVWebService.svc/";
const BODY_LIMIT = 1 << 20;

export interface RunningSimulator {
  /** The web-service root URL, ending in a slash: append `Job`, `Login`... */
  readonly url: string;
  readonly adminUrl: string;
  /** What the admin endpoint needs as `Authorization: Bearer ...`. */
  readonly adminToken: string;
  readonly commcell: SimulatedCommCell;
  readonly sessions: Sessions;
  faults(): Faults;
  setFaults(update: unknown): Faults;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > BODY_LIMIT) {
        reject(new Error("request body too large"));
        req.destroy();
      } else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function stop(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startSimulator(options: SimulatorOptions): Promise<RunningSimulator> {
  const commcell = new SimulatedCommCell({
    seed: options.seed,
    jobsPerYear: options.jobs,
    clients: options.clients,
    timeWarp: options.timeWarp,
    ...(options.start === null ? {} : { startAt: options.start }),
  });
  const sessions = new Sessions(options);
  const gate = new ErrorRateGate();
  let faults: Faults = NO_FAULTS;
  // Requests per route, so tests can count what the dashboard asks for.
  const requests = new Map<string, number>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://simulator");
    const json = wantsJson(req.headers.accept);
    let reply: Reply;
    try {
      const body = req.method === "POST" ? await readBody(req) : "";
      // The root without its trailing slash is the root too, as a web server redirects it.
      const pathname =
        url.pathname.toLowerCase() === WEB_SERVICE_ROOT.slice(0, -1).toLowerCase()
          ? WEB_SERVICE_ROOT
          : url.pathname;
      if (!pathname.toLowerCase().startsWith(WEB_SERVICE_ROOT.toLowerCase())) {
        reply = errorReply(
          404,
          2,
          `Not a web-service path: ${url.pathname} (the root is ${WEB_SERVICE_ROOT})`,
        );
      } else if (gate.shouldFail(faults.errorRate)) {
        reply = errorReply(500, 1, "Simulated fault: internal server error.");
      } else {
        const path = decodeURIComponent(pathname.slice(WEB_SERVICE_ROOT.length));
        const route = `${req.method} ${path.split("/")[0]}`;
        requests.set(route, (requests.get(route) ?? 0) + 1);
        const routed = routeWebService(
          { method: req.method ?? "GET", path, params: url.searchParams, headers: req.headers, body },
          commcell,
          sessions,
        );
        reply = routed.jobList ? faultyJobList(routed, faults.body, json) : routed;
      }
    } catch (error) {
      reply = errorReply(500, 1, `Simulator error: ${(error as Error).message}`);
    }
    // A CommCell's Date header is its own clock, the one its job times are on: the simulated one here.
    res.setHeader("date", new Date(commcell.now() * 1000).toUTCString());
    await send(res, reply, json, faults);
  };

  // How many requests are being answered at once, and the most there have been: what a client's own
  // limit on requests in flight is checked against.
  let inFlight = 0;
  let peakInFlight = 0;
  const web = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
    inFlight++;
    peakInFlight = Math.max(peakInFlight, inFlight);
    res.once("close", () => inFlight--);
    handle(req, res).catch(() => res.destroy());
  });
  const port = await listen(web, options.port, options.host);

  const applyRefuse = async (refuse: boolean) => {
    if (refuse && web.listening) await stop(web);
    if (!refuse && !web.listening) await listen(web, port, options.host);
  };

  const setFaults = (update: unknown): Faults => {
    faults = updateFaults(faults, update);
    void applyRefuse(faults.refuse);
    return faults;
  };

  // Loopback is not enough: any page in the operator's browser can send requests to 127.0.0.1. A random
  // bearer token (which a page cannot send cross-origin without a preflight this server never answers)
  // and no request that says it comes from a page.
  const adminToken = options.adminToken ?? randomBytes(24).toString("base64url");
  const admin = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(body));
    };
    const given = Buffer.from(req.headers.authorization ?? "");
    const expected = Buffer.from(`Bearer ${adminToken}`);
    if (
      req.headers.origin !== undefined ||
      given.length !== expected.length ||
      !timingSafeEqual(given, expected)
    ) {
      req.resume();
      return reply(401, {
        error: "the admin endpoint needs Authorization: Bearer <the token printed at start>",
      });
    }
    readBody(req)
      .then(async (text) => {
        const path = new URL(req.url ?? "/", "http://admin").pathname;
        const body = text === "" ? {} : (JSON.parse(text) as unknown);
        if (path === "/faults" && req.method === "GET") return reply(200, faults);
        if (path === "/faults" && (req.method === "PUT" || req.method === "POST")) {
          const next = setFaults(body);
          await applyRefuse(next.refuse);
          return reply(200, next);
        }
        if (path === "/faults/reset" && req.method === "POST") {
          faults = NO_FAULTS;
          await applyRefuse(false);
          return reply(200, faults);
        }
        if (path === "/tokens/expire" && req.method === "POST")
          return reply(200, { expired: sessions.expireAll() });
        if (path === "/clock/advance" && req.method === "POST") {
          const seconds = (body as { seconds?: unknown }).seconds;
          if (
            typeof seconds !== "number" ||
            !Number.isFinite(seconds) ||
            seconds < 0 ||
            seconds > 366 * 86_400
          ) {
            return reply(400, {
              error: `seconds must be a number from 0 to ${366 * 86_400} (got ${JSON.stringify(seconds)})`,
            });
          }
          commcell.advance(seconds);
          return reply(200, { now: commcell.now() });
        }
        if (path === "/state" && req.method === "GET") {
          return reply(200, {
            now: commcell.now(),
            tokens: sessions.count,
            logins: sessions.logins,
            requests: Object.fromEntries(requests),
            inFlight,
            peakInFlight,
            faults,
            url: `http://${options.host}:${port}${WEB_SERVICE_ROOT}`,
          });
        }
        if (path === "/state/reset-peak" && req.method === "POST") {
          peakInFlight = inFlight;
          return reply(200, { peakInFlight });
        }
        if (path === "/tokens" && req.method === "GET") return reply(200, { tokens: sessions.tokens() });
        const reasonPath = /^\/jobs\/(\d+)\/reason$/.exec(path);
        if (reasonPath && req.method === "PUT") {
          const text = (body as { text?: unknown }).text;
          if (typeof text !== "string" || text.length > 10_000)
            return reply(400, { error: "text must be a string of at most 10000 characters" });
          return commcell.setReason(Number(reasonPath[1]), text)
            ? reply(200, { ok: true })
            : reply(404, { error: "no such job" });
        }
        const failPath = /^\/subclients\/(\d+)\/fail$/.exec(path);
        if (failPath && req.method === "POST") {
          return commcell.failSubclient(Number(failPath[1]))
            ? reply(200, { ok: true })
            : reply(404, { error: "no such subclient" });
        }
        return reply(404, { error: `unknown admin call ${req.method} ${path}` });
      })
      .catch((error: unknown) => {
        const message =
          error instanceof FaultError
            ? error.message
            : error instanceof SyntaxError
              ? `the body is not JSON: ${error.message}`
              : String(error);
        reply(400, { error: message });
      });
  });
  // Faults can stop the CommCell answering; the admin endpoint must never be reachable from elsewhere.
  const adminPort = await listen(admin, options.adminPort, "127.0.0.1");
  const displayHost = options.host === "0.0.0.0" ? "127.0.0.1" : options.host;

  return {
    url: `http://${displayHost}:${port}${WEB_SERVICE_ROOT}`,
    adminUrl: `http://127.0.0.1:${adminPort}/`,
    adminToken,
    commcell,
    sessions,
    faults: () => faults,
    setFaults,
    close: async () => {
      await Promise.all([stop(web), stop(admin)]);
    },
  };
}
