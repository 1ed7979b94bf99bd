import { describe, expect, it } from "vitest";
import { QueryError, readJobFilter, readJobQuery } from "./job-query";

const query = (search: string, headers: Record<string, string> = {}) =>
  readJobQuery(new URLSearchParams(search), headers);

describe("jobFilter", () => {
  it("is backups only when absent and every type when empty", () => {
    expect(readJobFilter(null)).toEqual(new Set(["backup"]));
    expect(readJobFilter("")).toBeNull();
    expect(readJobFilter(" , ")).toBeNull();
  });

  it("reads words in any case, numeric codes and comma lists", () => {
    expect(readJobFilter("Backup,RESTORE")).toEqual(new Set(["backup", "restore"]));
    expect(readJobFilter("4,14")).toEqual(new Set(["backup", "synthfull"]));
    expect(readJobFilter("104")).toEqual(new Set(["auxcopy"]));
    expect(readJobFilter("CSDRBKP, workflow")).toEqual(new Set(["drbackup", "workflow"]));
  });

  it("reads ALLOPS (1) as every type", () => {
    expect(readJobFilter("ALLOPS")).toBeNull();
    expect(readJobFilter("backup,1")).toBeNull();
  });

  it("accepts known types this CommCell never runs, matching nothing", () => {
    expect(readJobFilter("SNAPBACKUP")).toEqual(new Set());
    expect(readJobFilter("59")).toEqual(new Set());
  });

  it("refuses what it does not know", () => {
    expect(() => readJobFilter("nonsense")).toThrow(QueryError);
    expect(() => readJobFilter("999")).toThrow("Invalid jobFilter value [999]");
  });
});

describe("readJobQuery", () => {
  it("has the documented defaults", () => {
    expect(query("")).toEqual({
      category: "all",
      kinds: new Set(["backup"]),
      clientId: null,
      lookupSeconds: 365 * 86_400,
      limit: 100,
      offset: 0,
    });
  });

  it("reads paging from headers first, then the query string", () => {
    expect(query("limit=5&offset=10")).toMatchObject({ limit: 5, offset: 10 });
    expect(query("limit=5&offset=10", { limit: "7", offset: "3" })).toMatchObject({ limit: 7, offset: 3 });
  });

  it("reads category in any case and the other numbers", () => {
    expect(query("jobCategory=active&clientId=12&completedJobLookupTime=300")).toMatchObject({
      category: "active",
      clientId: 12,
      lookupSeconds: 300,
    });
  });

  it("refuses bad values, naming them", () => {
    expect(() => query("jobCategory=Running")).toThrow("Invalid jobCategory value [Running]");
    expect(() => query("clientId=abc")).toThrow("Invalid clientId value [abc]");
    expect(() => query("completedJobLookupTime=-5")).toThrow("Invalid completedJobLookupTime value [-5]");
    expect(() => query("", { limit: "0" })).toThrow("Invalid limit value [0]");
    expect(() => query("", { offset: "1.5" })).toThrow("Invalid offset value [1.5]");
  });
});
