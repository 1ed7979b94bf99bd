// @vitest-environment happy-dom

import { act, cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { DebouncedInput } from "./debounced-input";

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe("DebouncedInput", () => {
  it("writes once, 300 ms after typing stops, not on every key", () => {
    const changes: string[] = [];
    render(<DebouncedInput label="Client" value="" onChange={(value) => changes.push(value)} />);
    const box = screen.getByLabelText("Client");
    for (const text of ["f", "fs", "fs-"]) {
      fireEvent.change(box, { target: { value: text } });
      act(() => void vi.advanceTimersByTime(200));
    }
    expect(changes).toEqual([]);
    act(() => void vi.advanceTimersByTime(300));
    expect(changes).toEqual(["fs-"]);
  });

  it("does not restart its wait when the page re-renders with a new callback (the page's clock ticks)", () => {
    const changes: string[] = [];
    const { rerender } = render(
      <DebouncedInput label="Client" value="" onChange={(v) => changes.push(`a:${v}`)} />,
    );
    fireEvent.change(screen.getByLabelText("Client"), { target: { value: "db" } });
    act(() => void vi.advanceTimersByTime(200));
    rerender(<DebouncedInput label="Client" value="" onChange={(v) => changes.push(`b:${v}`)} />);
    act(() => void vi.advanceTimersByTime(100));
    // The latest callback, at the original time.
    expect(changes).toEqual(["b:db"]);
  });

  it("shows a value that changed from outside (back button) and does not echo it back", () => {
    const changes: string[] = [];
    const { rerender } = render(
      <DebouncedInput label="Client" value="a" onChange={(v) => changes.push(v)} />,
    );
    rerender(<DebouncedInput label="Client" value="b" onChange={(v) => changes.push(v)} />);
    expect((screen.getByLabelText("Client") as HTMLInputElement).value).toBe("b");
    act(() => void vi.advanceTimersByTime(1000));
    expect(changes).toEqual([]);
  });
});
