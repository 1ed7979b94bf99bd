// @vitest-environment happy-dom

import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useClock, useNow } from "./use-now";

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-12-04T12:00:00Z"));
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

let pageRenders = 0;

let drawn: string[] = [];

function Reader({ name }: { name: string }) {
  const now = useNow();
  const text = now === null ? "none" : new Date(now).toISOString().slice(11, 19);
  drawn.push(text);
  return <span data-testid={name}>{text}</span>;
}

/** A page around two readers: it must not render again when they tick. */
function Page({ second }: { second: boolean }) {
  pageRenders++;
  return (
    <div>
      <Reader name="a" />
      {second && <Reader name="b" />}
    </div>
  );
}

let minuteRenders = 0;

/** Reads only the minute of the hour from the clock. */
function Minute() {
  minuteRenders++;
  const minute = useClock((now) => Math.floor(now / 60_000) % 60);
  return <span data-testid="minute">{minute ?? "none"}</span>;
}

describe("useNow", () => {
  it("ticks every reader each second on one timer, without rendering the page around them", () => {
    pageRenders = 0;
    const { rerender, unmount } = render(<Page second={false} />);
    expect(screen.getByTestId("a").textContent).toBe("12:00:00");
    rerender(<Page second={true} />);
    expect(pageRenders).toBe(2);
    expect(vi.getTimerCount()).toBe(1);
    act(() => void vi.advanceTimersByTime(3000));
    expect(screen.getByTestId("a").textContent).toBe("12:00:03");
    expect(screen.getByTestId("b").textContent).toBe("12:00:03");
    expect(pageRenders).toBe(2);
    // The last reader gone, so is the timer.
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("never draws a page opened later with the time the last page closed", () => {
    const first = render(<Reader name="a" />);
    first.unmount();
    vi.setSystemTime(new Date("2026-12-04T12:10:00Z"));
    drawn = [];
    render(<Reader name="c" />);
    expect(screen.getByTestId("c").textContent).toBe("12:10:00");
    expect(drawn).not.toContain("12:00:00");
  });

  it("renders a useClock reader only when what it reads of the time changes", () => {
    minuteRenders = 0;
    render(<Minute />);
    expect(screen.getByTestId("minute").textContent).toBe("0");
    const afterMount = minuteRenders;
    act(() => void vi.advanceTimersByTime(59_000));
    expect(minuteRenders).toBe(afterMount);
    act(() => void vi.advanceTimersByTime(1000));
    expect(screen.getByTestId("minute").textContent).toBe("1");
    expect(minuteRenders).toBe(afterMount + 1);
  });
});
