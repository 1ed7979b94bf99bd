"use client";

import { useEffect, useState } from "react";

const CHOICES = ["system", "light", "dark"] as const;
type Choice = (typeof CHOICES)[number];
const KEY = "cjm-theme";
const LABEL: Record<Choice, string> = { system: "System", light: "Light", dark: "Dark" };

function apply(choice: Choice): void {
  if (choice === "system") delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = choice;
}

/** Light, dark or the system's, remembered in this browser; a `theme=` in a page's URL still wins there. */
export function ThemeSwitch() {
  const [choice, setChoice] = useState<Choice>("system");
  useEffect(() => {
    const stored = window.localStorage.getItem(KEY);
    const initial = (CHOICES as readonly string[]).includes(stored ?? "") ? (stored as Choice) : "system";
    setChoice(initial);
    if (!new URLSearchParams(window.location.search).has("theme")) apply(initial);
  }, []);
  return (
    <label className="flex items-center gap-1 text-xs">
      <span className="sr-only">Theme</span>
      <select
        aria-label="Theme"
        value={choice}
        onChange={(event) => {
          const next = event.target.value as Choice;
          setChoice(next);
          window.localStorage.setItem(KEY, next);
          apply(next);
        }}
        className="rounded-md border border-[var(--border)] bg-[var(--surface)] px-1 py-0.5"
      >
        {CHOICES.map((value) => (
          <option key={value} value={value}>
            {LABEL[value]}
          </option>
        ))}
      </select>
    </label>
  );
}
