import { describe, expect, it } from "vitest";
import { ConfigError, readCommCellConfig } from "./config";

const noFile = () => {
  throw Object.assign(new Error("no such file"), { code: "ENOENT" });
};

describe("readCommCellConfig", () => {
  it("is demo mode with people signing in when nothing is set", () => {
    expect(readCommCellConfig({})).toEqual({
      url: null,
      identity: { kind: "sign-in" },
      timeoutMs: 30_000,
      pageSize: 1000,
      pageConcurrency: 4,
      maxPages: 1000,
      maxBodyBytes: 64 * 1024 * 1024,
      maxInFlight: 8,
    });
  });

  it("asks for an explicit opt-in before sending passwords over http:// to another machine", () => {
    expect(() => readCommCellConfig({ COMMVAULT_URL: "http://cs01:81/SearchSvc/CVWebService.svc" })).toThrow(
      "COMMVAULT_ALLOW_INSECURE_HTTP",
    );
    expect(
      readCommCellConfig({ COMMVAULT_URL: "http://cs01:81/api", COMMVAULT_ALLOW_INSECURE_HTTP: "true" }).url,
    ).toBe("http://cs01:81/api/");
    expect(readCommCellConfig({ COMMVAULT_URL: "http://127.0.0.1:81/api" }).url).toBe(
      "http://127.0.0.1:81/api/",
    );
  });

  it("refuses a COMMVAULT_ variable it does not know, so a typo never starts the simulator", () => {
    expect(() => readCommCellConfig({ COMMVAULT_ULR: "https://cs/api" })).toThrow(
      "COMMVAULT_ULR is not a setting of this server",
    );
  });

  it("refuses a token with control characters without echoing it", () => {
    let message = "";
    try {
      readCommCellConfig({ COMMVAULT_URL: "https://cs/api", COMMVAULT_TOKEN: "QSDK abc\r\nX-Evil: 1" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain("control characters");
    expect(message).not.toContain("abc");
  });

  it("accepts the three kinds of web-service root and ends them with a slash", () => {
    for (const url of [
      "http://localhost:81/SearchSvc/CVWebService.svc",
      "https://cs01.example.com/webconsole/api/",
      "https://cs01.example.com/commandcenter/api",
    ]) {
      expect(readCommCellConfig({ COMMVAULT_URL: url }).url).toMatch(/\/$/);
    }
  });

  it("reads a service account, from a password or a password file", () => {
    expect(
      readCommCellConfig({
        COMMVAULT_URL: "https://cs/api",
        COMMVAULT_USERNAME: "svc",
        COMMVAULT_PASSWORD: "pw",
      }).identity,
    ).toEqual({ kind: "account", username: "svc", password: "pw" });
    expect(
      readCommCellConfig(
        {
          COMMVAULT_URL: "https://cs/api",
          COMMVAULT_USERNAME: "svc",
          COMMVAULT_PASSWORD_FILE: "/run/secret",
        },
        () => "s3cret\n",
      ).identity,
    ).toEqual({ kind: "account", username: "svc", password: "s3cret" });
  });

  it("reads a pre-issued token", () => {
    expect(
      readCommCellConfig({ COMMVAULT_URL: "https://cs/api", COMMVAULT_TOKEN: "QSDK abc" }).identity,
    ).toEqual({
      kind: "token",
      token: "QSDK abc",
    });
  });

  it("names what is wrong, and never prints a secret", () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ COMMVAULT_URL: "cs01/api" }, /COMMVAULT_URL must be the full web-service root URL/],
      [{ COMMVAULT_URL: "https//svc:hunter2@cs01/api" }, /^(?!.*hunter2).*not a URL/],
      [{ COMMVAULT_URL: "ftp://cs01/api" }, /COMMVAULT_URL must start with https:\/\//],
      [{ COMMVAULT_URL: "https://u:hunter2@cs01/api" }, /COMMVAULT_URL must not carry credentials/],
      [{ COMMVAULT_URL: "https://cs/api", COMMVAULT_USERNAME: "svc" }, /COMMVAULT_PASSWORD .* is missing/],
      [{ COMMVAULT_URL: "https://cs/api", COMMVAULT_PASSWORD: "hunter2" }, /COMMVAULT_USERNAME is missing/],
      [
        { COMMVAULT_URL: "https://cs/api", COMMVAULT_TOKEN: "t", COMMVAULT_USERNAME: "svc" },
        /either COMMVAULT_TOKEN or/,
      ],
      [{ COMMVAULT_USERNAME: "svc", COMMVAULT_PASSWORD: "hunter2" }, /COMMVAULT_URL is missing/],
      [{ COMMVAULT_PAGE_SIZE: "lots" }, /COMMVAULT_PAGE_SIZE must be a whole number from 10 to 10000/],
      [{ COMMVAULT_TIMEOUT_MS: "5" }, /COMMVAULT_TIMEOUT_MS must be a whole number/],
    ];
    for (const [env, message] of cases) {
      try {
        readCommCellConfig(env, noFile);
        throw new Error(`expected ${JSON.stringify(env)} to be refused`);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        expect((error as Error).message).toMatch(message);
        expect((error as Error).message).not.toContain("hunter2");
      }
    }
  });

  it("says why a password file cannot be read", () => {
    expect(() =>
      readCommCellConfig(
        { COMMVAULT_URL: "https://cs/api", COMMVAULT_USERNAME: "svc", COMMVAULT_PASSWORD_FILE: "/nope" },
        noFile,
      ),
    ).toThrow("COMMVAULT_PASSWORD_FILE cannot be read: ENOENT for /nope");
  });
});
