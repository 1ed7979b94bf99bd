// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { Checklist } from "./checklist";

afterEach(cleanup);

describe("Checklist", () => {
  it("shows what is chosen and says which item was toggled", () => {
    const toggled: string[] = [];
    render(
      <Checklist
        label="Status"
        summary="2 chosen"
        items={["failed", "killed", "running"]}
        selected={["failed", "killed"]}
        name={(item) => item.toUpperCase()}
        onToggle={(item) => toggled.push(item)}
      />,
    );
    expect(screen.getByText("Status: 2 chosen")).toBeTruthy();
    const boxes = screen.getAllByRole("checkbox") as HTMLInputElement[];
    expect(boxes.map((box) => box.checked)).toEqual([true, true, false]);
    fireEvent.click(screen.getByLabelText("RUNNING"));
    expect(toggled).toEqual(["running"]);
  });
});
