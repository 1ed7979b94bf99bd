import { describe, expect, it } from "vitest";
import { readServerConfig } from "./server-config";

const SECRET = "3f9c1e7a0b2d4c6e8f1a3b5c7d9e0f2a";

describe("readServerConfig", () => {
  it("needs a session secret outside demo mode, and makes one up in it", () => {
    expect(() => readServerConfig({}, false)).toThrow("SESSION_SECRET is missing");
    const demo = readServerConfig({}, true);
    expect(demo.sessionSecret).toHaveLength(64);
    expect(demo.sessionSecretGenerated).toBe(true);
  });

  it("refuses short secrets and keys without printing them", () => {
    expect(() => readServerConfig({ SESSION_SECRET: "hunter2" }, false)).toThrow(
      "SESSION_SECRET is too short: 7 characters",
    );
    expect(() => readServerConfig({ SESSION_SECRET: SECRET, DISPLAY_KEY: "short" }, false)).toThrow(
      "DISPLAY_KEY is too short",
    );
  });

  it("refuses long but predictable secrets and keys, saying how to make one, without printing them", () => {
    for (const weak of ["a".repeat(32), "ab".repeat(20), "password".repeat(4)]) {
      expect(() => readServerConfig({ SESSION_SECRET: weak }, false)).toThrow(
        /^SESSION_SECRET is too predictable.*openssl rand -hex 32$/,
      );
      expect(() => readServerConfig({ SESSION_SECRET: weak }, false)).not.toThrow(weak);
    }
    expect(() => readServerConfig({ SESSION_SECRET: SECRET, DISPLAY_KEY: "k".repeat(24) }, false)).toThrow(
      "DISPLAY_KEY is too predictable",
    );
    // What openssl rand -hex 32 makes, and the kind the tests use, pass.
    expect(
      readServerConfig({ SESSION_SECRET: "e2e-session-secret-0123456789abcdef" }, false).displayKey,
    ).toBeNull();
    expect(
      readServerConfig({ SESSION_SECRET: SECRET, DISPLAY_KEY: "e2e-display-key-0123456789" }, false)
        .displayKey,
    ).toBe("e2e-display-key-0123456789");
  });

  it("allows anonymous viewing only in demo mode unless told", () => {
    expect(readServerConfig({ SESSION_SECRET: SECRET }, false).allowAnonymousView).toBe(false);
    expect(readServerConfig({}, true).allowAnonymousView).toBe(true);
    expect(readServerConfig({ ALLOW_ANONYMOUS_VIEW: "false" }, true).allowAnonymousView).toBe(false);
    expect(() => readServerConfig({ ALLOW_ANONYMOUS_VIEW: "maybe" }, true)).toThrow(
      "ALLOW_ANONYMOUS_VIEW must be true or false",
    );
  });

  it("has job actions on unless ACTIONS=off, and an audit file only when named", () => {
    expect(readServerConfig({ SESSION_SECRET: SECRET }, false)).toMatchObject({
      actionsEnabled: true,
      auditLogFile: null,
    });
    expect(
      readServerConfig(
        { SESSION_SECRET: SECRET, ACTIONS: "off", AUDIT_LOG_FILE: " /var/log/cjm.log " },
        false,
      ),
    ).toMatchObject({ actionsEnabled: false, auditLogFile: "/var/log/cjm.log" });
    expect(() => readServerConfig({ SESSION_SECRET: SECRET, ACTIONS: "sometimes" }, false)).toThrow(
      'ACTIONS must be true or false (got "sometimes")',
    );
  });

  it("keeps the cache TTL at or above the refresh floor", () => {
    expect(readServerConfig({}, true)).toMatchObject({ cacheTtlMs: 10_000, refreshFloorMs: 5_000 });
    expect(readServerConfig({ REFRESH_FLOOR_SECONDS: "30" }, true).cacheTtlMs).toBe(30_000);
    expect(() => readServerConfig({ CACHE_TTL_SECONDS: "2", REFRESH_FLOOR_SECONDS: "5" }, true)).toThrow(
      "CACHE_TTL_SECONDS (2) must not be below REFRESH_FLOOR_SECONDS (5)",
    );
  });
});
