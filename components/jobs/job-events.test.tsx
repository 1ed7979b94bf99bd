// @vitest-environment happy-dom

import { cleanup, render } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { EventDescription } from "./job-events";

afterEach(cleanup);

describe("EventDescription", () => {
  it("reads the CommCell's separators into parts with their source and process, shown as text", () => {
    const { container } = render(
      <EventDescription text="Failed to mount the disk media in library [lib01] with mount path [/m1] on MediaAgent [ma02]. Check the mount paths.<br>Source: ma02, Process: MediaManager" />,
    );
    expect(container.textContent).not.toContain("<br>");
    expect(container.textContent).toContain("Check the mount paths.");
    expect(container.textContent).toContain("Source: ma02 · Process: MediaManager");
    expect(container.querySelectorAll("br")).toHaveLength(0);
  });

  it("shows a description without separators as it is, and markup in it as text", () => {
    const { container } = render(<EventDescription text={'Job started. <img src=x onerror="alert(1)">'} />);
    expect(container.textContent).toBe('Job started. <img src=x onerror="alert(1)">');
    expect(container.querySelector("img")).toBeNull();
  });
});
