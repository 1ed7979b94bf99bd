import { describe, expect, it } from "vitest";
import { COLUMN_IDS, VIEW_PARAMS } from "./view-params";

describe("view parameters", () => {
  it("reads visible columns in the table's order, always keeping the job id", () => {
    expect(VIEW_PARAMS.columns.parse("reason,status")).toEqual(["id", "status", "reason"]);
    expect(VIEW_PARAMS.columns.parse("")).toEqual(["id"]);
    expect(VIEW_PARAMS.columns.serialize(COLUMN_IDS)).toBe(COLUMN_IDS.join(","));
    expect(() => VIEW_PARAMS.columns.parse("status,colour")).toThrow('columns "colour" is not a column');
  });

  it("reads time zones, refresh seconds and themes strictly", () => {
    expect(VIEW_PARAMS.tz.parse("Europe/Berlin")).toBe("Europe/Berlin");
    expect(() => VIEW_PARAMS.tz.parse("Mars/Olympus")).toThrow(
      "tz must be browser, UTC or an IANA time zone",
    );
    expect(VIEW_PARAMS.refresh.parse("30")).toBe(30);
    expect(() => VIEW_PARAMS.refresh.parse("0")).toThrow("refresh must be whole seconds from 1 to 3600");
    expect(() => VIEW_PARAMS.theme.parse("pink")).toThrow("theme must be system, light, dark");
  });
});
