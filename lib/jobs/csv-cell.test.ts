import { describe, expect, it } from "vitest";
import { csvCell } from "./csv-cell";

describe("csvCell", () => {
  it("quotes every text, prefixes a formula's first character, and leaves numbers bare", () => {
    expect(csvCell("srv;=1+1")).toBe('"srv;=1+1"');
    expect(csvCell("plain")).toBe('"plain"');
    expect(csvCell('a "b"')).toBe('"a ""b"""');
    for (const lead of ["=", "+", "-", "@", "\t", "\r"]) expect(csvCell(`${lead}1+1`)).toBe(`"'${lead}1+1"`);
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
  });
});
