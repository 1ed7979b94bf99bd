import { describe, expect, it } from "vitest";
import { safeNext } from "./safe-next";

describe("safeNext", () => {
  it("keeps paths on this site, with their query", () => {
    expect(safeNext("/jobs?status=failed&window=7d")).toBe("/jobs?status=failed&window=7d");
    expect(safeNext("/wall#top")).toBe("/wall#top");
    expect(safeNext(null)).toBe("/");
  });

  it("refuses every way off the site", () => {
    const tab = new URLSearchParams("next=/%09/evil.example").get("next");
    for (const next of [
      tab,
      "//evil.example",
      "/\\evil.example",
      "/\t/evil.example",
      "/\n/evil.example",
      "/.//evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "evil.example",
      "/%2F/evil.example/..",
    ]) {
      const out = safeNext(next);
      expect(out.startsWith("/") && !out.startsWith("//"), `${JSON.stringify(next)} -> ${out}`).toBe(true);
      expect(new URL(out, "https://site.example").origin).toBe("https://site.example");
    }
    expect(safeNext(tab)).toBe("/");
    expect(safeNext("/.//evil.example")).toBe("/");
  });
});
