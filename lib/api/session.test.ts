import { describe, expect, it } from "vitest";
import { userIdentity } from "./session";

describe("userIdentity", () => {
  it("tells two accounts of one name apart by their GUIDs, and keeps one account one identity", () => {
    const domain = userIdentity({ name: "jsmith", guid: "5E3C7D59-2B5E-4C56-9C5B-7F1A6C0B1D3E" });
    const local = userIdentity({ name: "jsmith", guid: "0A1B2C3D-0000-4000-8000-000000000001" });
    expect(domain).not.toBe(local);
    expect(userIdentity({ name: "JSmith", guid: "5e3c7d59-2b5e-4c56-9c5b-7f1a6c0b1d3e" })).toBe(domain);
  });

  it("falls back to the name, without case, where the CommCell gave no GUID, never meeting a GUID's", () => {
    expect(userIdentity({ name: "Ann" })).toBe(userIdentity({ name: "ann" }));
    expect(userIdentity({ name: "guid:x" })).not.toBe(userIdentity({ name: "y", guid: "x" }));
  });
});
