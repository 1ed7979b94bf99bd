import { describe, expect, it } from "vitest";
import { ParamError, wholeNumberParam } from "./url-params";

describe("wholeNumberParam", () => {
  it("reads whole numbers within the range", () => {
    expect(wholeNumberParam("page", " 12 ", 1, 100)).toBe(12);
    expect(wholeNumberParam("reload", "168", 1, 168, "hours")).toBe(168);
  });

  it("names the parameter, the range and the unit for anything else", () => {
    for (const text of ["0", "169", "1.5", "-3", "1e3", "", "12abc", "99999999999999999999"]) {
      const error = (() => {
        try {
          wholeNumberParam("reload", text, 1, 168, "hours");
        } catch (e) {
          return e;
        }
      })();
      expect(error, text).toBeInstanceOf(ParamError);
      expect((error as ParamError).param).toBe("reload");
      expect((error as ParamError).message).toBe(`reload must be whole hours from 1 to 168 (got "${text}")`);
    }
    expect(() => wholeNumberParam("page", "x", 1, 9)).toThrow(
      'page must be a whole number from 1 to 9 (got "x")',
    );
  });
});
