import { describe, expect, it } from "vitest";
import { describeFilters } from "./filters-caption";
import { parseWall } from "./wall-params";

const parse = (query: string) => parseWall(new URLSearchParams(query));

describe("describeFilters", () => {
  it("says the default coverage in words", () => {
    expect(describeFilters(parse("").filters)).toEqual(["Backup", "last 24h"]);
  });

  it("names each filter the address sets", () => {
    const caption = describeFilters(
      parse("type=backup,restore&window=7d&clientGroup=London&client=db01&level=full&status=failed&q=sql")
        .filters,
    );
    expect(caption).toEqual([
      "Backup, Restore",
      "last 7d",
      "client group London",
      "client db01",
      "Full",
      "Failed",
      'matching "sql"',
    ]);
  });

  it("writes a custom window as a duration and all types as such", () => {
    expect(describeFilters(parse("type=all&window=2h").filters)).toEqual(["All job types", "last 2 h 0 m"]);
  });
});
