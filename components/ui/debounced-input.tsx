"use client";

import { useEffect, useRef, useState } from "react";

/** A text box that writes to the URL about 300 ms after typing stops, not on every key. */
export function DebouncedInput({
  label,
  value,
  onChange,
  list,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  list?: string;
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
    <label className="flex flex-col gap-1 text-xs">
      {label}
      <input
        type="search"
        value={text}
        list={list}
        onChange={(event) => setText(event.target.value)}
        className="w-44 rounded-md border border-[var(--border)] bg-[var(--surface)] px-2 py-1 text-sm"
      />
    </label>
  );
}
