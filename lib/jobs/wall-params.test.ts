import { describe, expect, it } from "vitest";
import { DEFAULT_WALL, parseWall, WALL_PANELS, WALL_PARAMS } from "./wall-params";

const parse = (query: string) => parseWall(new URLSearchParams(query));

describe("parseWall", () => {
  it("gives the defaults for an empty address, over active and finished jobs of every page", () => {
    const { filters, wall, problems } = parse("");
    expect(wall).toEqual(DEFAULT_WALL);
    expect(filters.category).toBe("all");
    expect(filters.page).toBe(1);
    expect(problems).toEqual([]);
  });

  it("reads every wall parameter", () => {
    const { wall, problems } = parse(
      "panels=failures,tiles,failures&rotate=20&refresh=10&tz=Europe/London&title=Backups%20%C2%B7%20London&reload=12",
    );
    expect(problems).toEqual([]);
    expect(wall).toEqual({
      panels: ["failures", "tiles"],
      rotate: 20,
      refresh: 10,
      tz: "Europe/London",
      title: "Backups · London",
      reload: 12,
    });
  });

  it("reads the filters of /jobs and ignores the ones a wall has no use for", () => {
    const { filters, problems } = parse("type=all&clientGroup=London&window=7d&category=nonsense&page=x");
    expect(problems).toEqual([]);
    expect(filters.type).toBe("all");
    expect(filters.clientGroup).toBe("London");
    expect(filters.window).toBe(604_800);
  });

  it("names every bad value and keeps the defaults for them", () => {
    const { wall, problems } = parse(
      "panels=tiles,clock&rotate=2&refresh=0&tz=Mars/Olympus&reload=0&window=3x",
    );
    expect(wall).toEqual(DEFAULT_WALL);
    expect(problems.map((problem) => problem.param).sort()).toEqual(
      ["panels", "refresh", "reload", "rotate", "tz", "window"].sort(),
    );
    expect(problems.find((problem) => problem.param === "panels")?.message).toContain('"clock"');
    expect(problems.find((problem) => problem.param === "rotate")?.message).toContain("5 to 3600");
  });

  it("turns rotation off with 0, off or nothing", () => {
    for (const value of ["0", "off", ""]) expect(parse(`rotate=${value}`).wall.rotate).toBeNull();
  });

  it("keeps a title as text, without control characters, and refuses an overlong one", () => {
    expect(parse("title=%3Cb%3EOps%3C%2Fb%3E%0A1").wall.title).toBe("<b>Ops</b> 1");
    expect(parse(`title=${"x".repeat(81)}`).problems[0]?.param).toBe("title");
    expect(parse("title=%20%20").wall.title).toBeNull();
  });

  it("refuses an empty panel list", () => {
    expect(parse("panels=,").problems[0]?.message).toContain("at least one");
  });

  it("serializes what it parses", () => {
    for (const [name, text] of [
      ["panels", WALL_PANELS.join(",")],
      ["rotate", "30"],
      ["rotate", "off"],
      ["reload", "6"],
      ["title", "Ops"],
    ] as const) {
      const definition = WALL_PARAMS[name] as { parse(t: string): unknown; serialize(v: unknown): string };
      expect(definition.serialize(definition.parse(text))).toBe(text);
    }
  });
});
