// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { TimeZoneInput } from "./time-zone-input";

afterEach(cleanup);

describe("TimeZoneInput", () => {
  it("takes browser, UTC or an IANA zone when the box is left, and ignores anything else", () => {
    const zones: string[] = [];
    render(<TimeZoneInput value="browser" onChange={(tz) => zones.push(tz)} />);
    const box = screen.getByLabelText(/^Time zone/, { selector: "input" });
    for (const text of ["Mars/Olympus", "Asia/Tokyo"]) {
      fireEvent.change(box, { target: { value: text } });
      fireEvent.blur(box);
    }
    expect(zones).toEqual(["Asia/Tokyo"]);
  });
});
