// Faults on demand, so the dashboard can be tested against a CommCell that misbehaves: added latency, a
// body that drips slowly, a share of HTTP 500s, broken bodies in place of job lists, and refused
// connections. Set from flags or the admin endpoint; validated like any other input.

export const BODY_FAULTS = ["none", "html", "truncated", "malformed", "errlist"] as const;
export type BodyFault = (typeof BODY_FAULTS)[number];

export interface Faults {
  /** Milliseconds added before every answer. */
  readonly latencyMs: number;
  /** 0 sends bodies at once; otherwise bytes per second, in chunks ten times a second. */
  readonly dripBytesPerSecond: number;
  /** Share of requests (0 to 1) answered with HTTP 500. */
  readonly errorRate: number;
  /** What job-list answers carry instead of the job list. */
  readonly body: BodyFault;
  /** Whether the web service refuses connections (its listener is closed). */
  readonly refuse: boolean;
}

export const NO_FAULTS: Faults = {
  latencyMs: 0,
  dripBytesPerSecond: 0,
  errorRate: 0,
  body: "none",
  refuse: false,
};

export class FaultError extends Error {
  override readonly name = "FaultError";
}

function numberIn(name: string, value: unknown, min: number, max: number): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    throw new FaultError(`${name} must be a number from ${min} to ${max} (got ${JSON.stringify(value)})`);
  }
  return value;
}

/** Merges a partial update (from JSON) into the current faults, refusing unknown keys and bad values. */
export function updateFaults(current: Faults, update: unknown): Faults {
  if (typeof update !== "object" || update === null || Array.isArray(update)) {
    throw new FaultError("the body must be a JSON object of fault settings");
  }
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(update)) {
    switch (key) {
      case "latencyMs":
        next.latencyMs = numberIn(key, value, 0, 600_000);
        break;
      case "dripBytesPerSecond":
        next.dripBytesPerSecond = numberIn(key, value, 0, 1e9);
        break;
      case "errorRate":
        next.errorRate = numberIn(key, value, 0, 1);
        break;
      case "body":
        if (!BODY_FAULTS.includes(value as BodyFault)) {
          throw new FaultError(
            `body must be one of ${BODY_FAULTS.join(", ")} (got ${JSON.stringify(value)})`,
          );
        }
        next.body = value;
        break;
      case "refuse":
        if (typeof value !== "boolean")
          throw new FaultError(`refuse must be true or false (got ${JSON.stringify(value)})`);
        next.refuse = value;
        break;
      default:
        throw new FaultError(
          `unknown fault "${key}"; known: latencyMs, dripBytesPerSecond, errorRate, body, refuse`,
        );
    }
  }
  return next as unknown as Faults;
}

/**
 * Decides which requests fail, deterministically: a rate of 0.25 fails exactly every fourth request, so
 * tests that count failures do not depend on chance.
 */
export class ErrorRateGate {
  private credit = 0;

  shouldFail(rate: number): boolean {
    if (rate <= 0) {
      this.credit = 0;
      return false;
    }
    this.credit += rate;
    if (this.credit >= 1 - 1e-9) {
      this.credit -= 1;
      return true;
    }
    return false;
  }
}
