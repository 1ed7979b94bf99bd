"use client";

import { useEffect, useRef, useState } from "react";

/** A text box that writes to the URL about 300 ms after typing stops, not on every key. */
export function DebouncedInput({
  label,
  value,
  onChange,
  list,
  compact = false,
  width,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  list?: string;
  /** The label beside the box instead of above it, for a one-line bar. */
  compact?: boolean;
  /** A Tailwind width class for the box. */
  width?: string;
}) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  // The latest callback, without restarting the wait: the page re-renders every second (its clock), and a
  // callback in the dependencies would reset the 300 ms timer on each render.
  const latest = useRef(onChange);
  latest.current = onChange;
  useEffect(() => {
    if (text === value) return;
    const timer = setTimeout(() => latest.current(text), 300);
    return () => clearTimeout(timer);
  }, [text, value]);
  return (
    <label className={compact ? "flex items-center gap-1 text-sm" : "flex flex-col gap-1 text-xs"}>
      {label}
      <input
        type="search"
        value={text}
        list={list}
        onChange={(event) => setText(event.target.value)}
        className={`${width ?? (compact ? "w-32" : "w-44")} rounded-md border border-[var(--border)] bg-[var(--surface)] px-2 py-1 text-sm`}
      />
    </label>
  );
}
