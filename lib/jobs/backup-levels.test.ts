import { describe, expect, it } from "vitest";
import { backupLevelOf } from "./backup-levels";

describe("backupLevelOf", () => {
  it("reads JSON codes", () => {
    expect(backupLevelOf(1, null)).toEqual({ kind: "full", name: "Full" });
    expect(backupLevelOf(2, null)).toEqual({ kind: "incremental", name: "Incremental" });
    expect(backupLevelOf(64, null)).toEqual({ kind: "synthetic_full", name: "Synthetic Full" });
    expect(backupLevelOf(0, null)).toEqual({ kind: "none", name: "None" });
  });

  it("reads XML words, including the misspelling seen in the field", () => {
    expect(backupLevelOf("INCREMANTAL", null)?.kind).toBe("incremental");
    expect(backupLevelOf("INCREMENTAL", null)?.kind).toBe("incremental");
    expect(backupLevelOf("FULL", null)?.kind).toBe("full");
    expect(backupLevelOf("UNKNOWN_BKP_LEVEL", null)?.kind).toBe("none");
    expect(backupLevelOf("2", null)?.kind).toBe("incremental");
  });

  it("prefers the display name and keeps it as the name", () => {
    expect(backupLevelOf(2, "Transaction Log")).toEqual({ kind: "transaction_log", name: "Transaction Log" });
    expect(backupLevelOf("INCREMANTAL", "Incremental")).toEqual({ kind: "incremental", name: "Incremental" });
  });

  it("falls back to the code when the display name is not in the vocabulary", () => {
    expect(backupLevelOf(1, "Full (Online)")).toEqual({ kind: "full", name: "Full (Online)" });
    expect(backupLevelOf(0, "Something New")).toEqual({ kind: "unknown", name: "Something New" });
  });

  it("keeps an unknown code as the server's text", () => {
    expect(backupLevelOf(32, null)).toEqual({ kind: "unknown", name: "32" });
    expect(backupLevelOf("WEEKLY_SPECIAL", null)).toEqual({ kind: "unknown", name: "WEEKLY_SPECIAL" });
  });

  it("returns null when there is no level at all", () => {
    expect(backupLevelOf(undefined, null)).toBeNull();
    expect(backupLevelOf("", null)).toBeNull();
    expect(backupLevelOf(Number.NaN, null)).toBeNull();
    expect(backupLevelOf({}, null)).toBeNull();
  });
});
