import { describe, expect, it } from "vitest";
import { htmlTitle } from "./body-snippet";

describe("htmlTitle", () => {
  it("names an error page's title", () => {
    expect(htmlTitle('<html><head><title lang="en">503  Service\nUnavailable</title></head></html>')).toBe(
      "503 Service Unavailable",
    );
    expect(htmlTitle("<html><body>no title</body></html>")).toBeNull();
  });

  it("bounds the runs it scans: no unbounded [^>]* or [^<]* from each '<title'", () => {
    // A body of "<title" repeated, with no ">", made the unbounded pattern scan to the end from each one.
    expect(htmlTitle("<title".repeat(4000))).toBeNull();
    expect(htmlTitle(`<title${"a".repeat(300)}>x</title>`)).toBeNull();
  });
});
