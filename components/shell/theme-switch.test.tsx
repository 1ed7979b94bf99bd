// @vitest-environment happy-dom

import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { ThemeSwitch } from "./theme-switch";

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
  window.history.replaceState(null, "", "/");
});

describe("ThemeSwitch", () => {
  it("sets the theme and remembers it for the next page", () => {
    render(<ThemeSwitch />);
    fireEvent.change(screen.getByLabelText("Theme"), { target: { value: "dark" } });
    expect(document.documentElement.dataset.theme).toBe("dark");
    cleanup();
    delete document.documentElement.dataset.theme;
    render(<ThemeSwitch />);
    expect(document.documentElement.dataset.theme).toBe("dark");
    expect((screen.getByLabelText("Theme") as HTMLSelectElement).value).toBe("dark");
  });

  it("leaves the choice to the system, and lets a theme in the page's URL win", () => {
    window.localStorage.setItem("cjm-theme", "light");
    window.history.replaceState(null, "", "/jobs?theme=dark");
    document.documentElement.dataset.theme = "dark";
    render(<ThemeSwitch />);
    expect(document.documentElement.dataset.theme).toBe("dark");
    fireEvent.change(screen.getByLabelText("Theme"), { target: { value: "system" } });
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});
