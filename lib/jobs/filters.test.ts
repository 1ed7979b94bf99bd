import { describe, expect, it } from "vitest";
import {
  DEFAULT_FILTERS,
  FILTER_NAMES,
  parseFilters,
  savingsRangeText,
  serializeFilters,
  timeRangeText,
} from "./filters";

const parse = (query: string) => parseFilters(new URLSearchParams(query));

describe("parseFilters", () => {
  it("gives the defaults for an empty query: backups, newest first, the last 24 hours", () => {
    expect(parse("")).toEqual({ filters: DEFAULT_FILTERS, problems: [] });
  });

  it("reads every parameter", () => {
    const { filters, problems } = parse(
      "category=Active&type=backup,restore,14&status=failed,killed&client=fs-lon-001&clientGroup=Databases&agent=SQL%20Server&level=full,incremental&window=7d&q=ddb&sort=-savings&page=3&pageSize=500",
    );
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      category: "active",
      type: ["backup", "restore", "synthetic_full"],
      status: ["failed", "killed"],
      client: "fs-lon-001",
      clientGroup: "Databases",
      agent: "SQL Server",
      level: ["full", "incremental"],
      window: 604_800,
      q: "ddb",
      from: null,
      to: null,
      savings: null,
      sort: { column: "savings", descending: true },
      page: 3,
      pageSize: 500,
    });
  });

  it("reads type=all and windows in whole hours, and refuses any other number of seconds", () => {
    expect(parse("type=all&window=6h").filters).toMatchObject({ type: "all", window: 6 * 3600 });
    expect(parse("window=3601").problems.map((p) => p.param)).toEqual(["window"]);
    expect(parse("window=0h").problems.map((p) => p.param)).toEqual(["window"]);
    expect(parse("window=8785h").problems.map((p) => p.param)).toEqual(["window"]);
    expect(parse("type=backup,all").filters.type).toBe("all");
  });

  it("names each parameter whose value is wrong, and keeps its default", () => {
    const { filters, problems } = parse(
      "category=sometimes&type=tape&status=exploded&level=weekly&window=2w&sort=colour&page=0&pageSize=20000&q=" +
        "x".repeat(201),
    );
    expect(problems.map((p) => p.param)).toEqual([
      "category",
      "type",
      "status",
      "level",
      "window",
      "q",
      "sort",
      "page",
      "pageSize",
    ]);
    expect(problems[1]?.message).toContain('type "tape" is not a job type');
    expect(problems[4]?.message).toContain(
      'window must be 1h, 24h, 7d, 30d, 1y or whole hours from 1h to 8784h (got "2w")',
    );
    expect(filters).toEqual(DEFAULT_FILTERS);
  });

  it("refuses an empty type list rather than guessing", () => {
    expect(parse("type=").problems[0]?.message).toBe('type needs at least one job type, or "all"');
  });

  it("ignores parameters it does not know (pages add columns, tz, theme)", () => {
    expect(parse("columns=id,status&tz=UTC").problems).toEqual([]);
  });
});

describe("serializeFilters", () => {
  it("leaves defaults out and round-trips everything else", () => {
    expect(serializeFilters(DEFAULT_FILTERS).toString()).toBe("");
    const query =
      "category=finished&type=all&status=failed&client=c1&window=30d&q=x&sort=start&page=2&pageSize=50";
    const { filters } = parse(query);
    expect(parse(serializeFilters(filters).toString()).filters).toEqual(filters);
    expect(serializeFilters(filters).get("window")).toBe("30d");
  });

  it("has a parser and serializer for every filter", () => {
    expect(FILTER_NAMES.sort()).toEqual(Object.keys(DEFAULT_FILTERS).sort());
  });
});

describe("from and to", () => {
  it("read UTC dates and times, to the hour, minute or second", () => {
    expect(parse("from=2026-11-22&to=2026-11-22T18:30Z").filters).toMatchObject({
      from: Date.UTC(2026, 10, 22),
      to: Date.UTC(2026, 10, 22, 18, 30),
    });
    expect(parse("from=2026-11-22T07").filters.from).toBe(Date.UTC(2026, 10, 22, 7));
    expect(parse("from=2026-11-22T07:08:09").filters.from).toBe(Date.UTC(2026, 10, 22, 7, 8, 9));
  });

  it("refuse what is not a real instant, naming the parameter", () => {
    for (const bad of [
      "yesterday",
      "2026-02-31",
      "2026-11-22T24",
      "2026-11-22T10:61Z",
      "1700000000",
      "2026-1-2",
    ]) {
      const { problems, filters } = parse(`from=${bad}`);
      expect(problems[0]?.param).toBe("from");
      expect(problems[0]?.message).toContain(`got "${bad}"`);
      expect(filters.from).toBeNull();
    }
  });

  it("refuse a range that ends before it starts", () => {
    const { problems, filters } = parse("from=2026-11-23&to=2026-11-22");
    expect(problems[0]?.param).toBe("to");
    expect(filters.to).toBeNull();
  });

  it("write the shortest form and round-trip", () => {
    const { filters } = parse("from=2026-11-22T00:00:00Z&to=2026-11-22T18:30:15Z");
    const written = serializeFilters(filters);
    expect(written.get("from")).toBe("2026-11-22");
    expect(written.get("to")).toBe("2026-11-22T18:30:15Z");
    expect(parse(written.toString()).filters).toEqual(filters);
    expect(serializeFilters(parse("to=2026-11-22T18:30").filters).get("to")).toBe("2026-11-22T18:30Z");
  });

  it("are described in words", () => {
    expect(timeRangeText(null, null)).toBeNull();
    expect(timeRangeText(Date.UTC(2026, 10, 22), Date.UTC(2026, 10, 23))).toBe(
      "ended from 2026-11-22 before 2026-11-23 (UTC)",
    );
    expect(timeRangeText(null, Date.UTC(2026, 10, 23, 5))).toBe("ended before 2026-11-23T05:00Z (UTC)");
  });
});

describe("savings", () => {
  it("reads closed and open percentage ranges", () => {
    expect(parse("savings=10..20").filters.savings).toEqual({ min: 10, max: 20 });
    expect(parse("savings=..0").filters.savings).toEqual({ min: null, max: 0 });
    expect(parse("savings=90..").filters.savings).toEqual({ min: 90, max: null });
    expect(parse("savings=-5.5..2.5").filters.savings).toEqual({ min: -5.5, max: 2.5 });
    expect(serializeFilters(parse("savings=..0").filters).get("savings")).toBe("..0");
  });

  it("is described in words", () => {
    expect(savingsRangeText(null)).toBeNull();
    expect(savingsRangeText({ min: null, max: 0 })).toBe("saving under 0 %");
    expect(savingsRangeText({ min: 10, max: 20 })).toBe("saving 10 % to under 20 %");
    expect(savingsRangeText({ min: 90, max: 100 })).toBe("saving 90 % to 100 %");
    expect(savingsRangeText({ min: 90, max: null })).toBe("saving 90 % or more");
  });

  it("refuses anything else by name", () => {
    for (const bad of ["..", "10", "20..10", "a..b", "10-20"]) {
      const { problems } = parse(`savings=${bad}`);
      expect(problems[0]?.param).toBe("savings");
    }
  });
});
