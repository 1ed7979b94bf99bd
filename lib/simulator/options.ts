// The simulator's settings, from flags (`--jobs 20000`) or environment (`SIMULATOR_JOBS=20000`), flags
// winning. Every value is checked; a bad one stops the simulator with a message that names it.

export interface SimulatorOptions {
  readonly host: string;
  readonly port: number;
  /** Port of the loopback-only admin endpoint (faults, clock, token expiry); 0 picks a free one. */
  readonly adminPort: number;
  /** Bearer token the admin endpoint requires; null makes a random one at start. */
  readonly adminToken: string | null;
  readonly seed: number;
  readonly jobs: number;
  readonly clients: number;
  readonly timeWarp: number;
  /** Simulated start time, unix seconds; null for the real time. */
  readonly start: number | null;
  readonly username: string;
  readonly password: string;
  /** Password of `operator`, who has Job Management on some client groups only. */
  readonly operatorPassword: string;
  /** Password of `viewer`, who may see every job and act on none. */
  readonly viewerPassword: string;
  /** Seconds of inactivity after which a token stops working. */
  readonly tokenIdleSeconds: number;
  /** Failed sign-ins in a row that lock the account, and for how long. */
  readonly lockAfter: number;
  readonly lockSeconds: number;
}

interface Setting {
  readonly flag: string;
  readonly env: string;
  readonly key: keyof SimulatorOptions;
  readonly read: (text: string) => SimulatorOptions[keyof SimulatorOptions];
  readonly help: string;
}

export class OptionsError extends Error {
  override readonly name = "OptionsError";
}

function integer(min: number, max: number) {
  return (text: string) => {
    const value = Number(text);
    if (!/^-?\d+$/.test(text.trim()) || value < min || value > max) {
      throw new Error(`must be a whole number from ${min} to ${max}`);
    }
    return value;
  };
}

function positiveNumber(max: number) {
  return (text: string) => {
    const value = Number(text);
    if (text.trim() === "" || !Number.isFinite(value) || value <= 0 || value > max) {
      throw new Error(`must be a number above 0 and at most ${max}`);
    }
    return value;
  };
}

function startTime(text: string): number | null {
  if (text === "now") return null;
  const seconds = /^\d+$/.test(text) ? Number(text) : Date.parse(text) / 1000;
  if (!Number.isFinite(seconds) || seconds < Date.UTC(2020, 1, 1) / 1000) {
    throw new Error('must be "now", unix seconds or an ISO date after February 2020');
  }
  return Math.floor(seconds);
}

function nonEmpty(text: string): string {
  if (text === "") throw new Error("must not be empty");
  return text;
}

const SETTINGS: readonly Setting[] = [
  {
    flag: "host",
    env: "SIMULATOR_HOST",
    key: "host",
    read: nonEmpty,
    help: "address to listen on (127.0.0.1)",
  },
  {
    flag: "port",
    env: "SIMULATOR_PORT",
    key: "port",
    read: integer(0, 65535),
    help: "port of the web service (8081; 0 picks one)",
  },
  {
    flag: "admin-port",
    env: "SIMULATOR_ADMIN_PORT",
    key: "adminPort",
    read: integer(0, 65535),
    help: "loopback admin port (0 picks one)",
  },
  {
    flag: "admin-token",
    env: "SIMULATOR_ADMIN_TOKEN",
    key: "adminToken",
    read: (text: string) => {
      if (!/^[A-Za-z0-9._~-]{16,200}$/.test(text))
        throw new Error("must be 16 to 200 letters, digits or ._~-");
      return text;
    },
    help: "token the admin endpoint requires (random, printed at start)",
  },
  {
    flag: "seed",
    env: "SIMULATOR_SEED",
    key: "seed",
    read: integer(0, 2 ** 32 - 1),
    help: "seed of the estate and history (42)",
  },
  {
    flag: "jobs",
    env: "SIMULATOR_JOBS",
    key: "jobs",
    read: integer(100, 2_000_000),
    help: "jobs in a year of history (50000)",
  },
  {
    flag: "clients",
    env: "SIMULATOR_CLIENTS",
    key: "clients",
    read: integer(1, 20_000),
    help: "clients in the estate (200)",
  },
  {
    flag: "time-warp",
    env: "SIMULATOR_TIME_WARP",
    key: "timeWarp",
    read: positiveNumber(100_000),
    help: "simulated seconds per real second (1)",
  },
  {
    flag: "start",
    env: "SIMULATOR_START",
    key: "start",
    read: startTime,
    help: 'simulated start: "now", unix seconds or ISO date',
  },
  {
    flag: "username",
    env: "SIMULATOR_USERNAME",
    key: "username",
    read: nonEmpty,
    help: "user that can sign in (admin)",
  },
  {
    flag: "password",
    env: "SIMULATOR_PASSWORD",
    key: "password",
    read: nonEmpty,
    help: "that user's password (admin)",
  },
  {
    flag: "operator-password",
    env: "SIMULATOR_OPERATOR_PASSWORD",
    key: "operatorPassword",
    read: nonEmpty,
    help: "password of operator, Job Management on two client groups (operator)",
  },
  {
    flag: "viewer-password",
    env: "SIMULATOR_VIEWER_PASSWORD",
    key: "viewerPassword",
    read: nonEmpty,
    help: "password of viewer, who sees every job and acts on none (viewer)",
  },
  {
    flag: "token-idle",
    env: "SIMULATOR_TOKEN_IDLE",
    key: "tokenIdleSeconds",
    read: integer(1, 86_400 * 7),
    help: "seconds of inactivity before a token expires (1800)",
  },
  {
    flag: "lock-after",
    env: "SIMULATOR_LOCK_AFTER",
    key: "lockAfter",
    read: integer(1, 1000),
    help: "failed sign-ins that lock the account (5)",
  },
  {
    flag: "lock-seconds",
    env: "SIMULATOR_LOCK_SECONDS",
    key: "lockSeconds",
    read: integer(1, 86_400),
    help: "how long a locked account stays locked (300)",
  },
];

export const DEFAULT_OPTIONS: SimulatorOptions = {
  host: "127.0.0.1",
  port: 8081,
  adminPort: 0,
  adminToken: null,
  seed: 42,
  jobs: 50_000,
  clients: 200,
  timeWarp: 1,
  start: null,
  username: "admin",
  password: "admin",
  operatorPassword: "operator",
  viewerPassword: "viewer",
  tokenIdleSeconds: 1800,
  lockAfter: 5,
  lockSeconds: 300,
};

export function usage(): string {
  const lines = SETTINGS.map((s) => `  --${s.flag.padEnd(13)} ${s.env.padEnd(22)} ${s.help}`);
  return `usage: npm run simulator -- [--flag value ...]\n\n  flag            environment            meaning\n${lines.join("\n")}\n`;
}

/** Reads settings from flags and environment over the defaults; throws OptionsError naming what is wrong. */
export function readOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  defaults: Partial<SimulatorOptions> = {},
): SimulatorOptions {
  const options: Record<string, unknown> = { ...DEFAULT_OPTIONS, ...defaults };
  const apply = (setting: Setting, text: string, source: string) => {
    try {
      options[setting.key] = setting.read(text);
    } catch (error) {
      throw new OptionsError(`${source} ${(error as Error).message} (got "${text}")`);
    }
  };
  for (const setting of SETTINGS) {
    const text = env[setting.env];
    if (text !== undefined) apply(setting, text, setting.env);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith("--") ? arg.slice(2).split(/=(.*)/s, 2) : [undefined, undefined];
    const setting = SETTINGS.find((s) => s.flag === name);
    if (!setting) throw new OptionsError(`unknown argument "${arg}"\n\n${usage()}`);
    const text = inline ?? argv[++i];
    if (text === undefined) throw new OptionsError(`--${setting.flag} needs a value`);
    apply(setting, text, `--${setting.flag}`);
  }
  return options as unknown as SimulatorOptions;
}
