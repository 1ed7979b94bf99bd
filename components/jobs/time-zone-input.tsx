"use client";

import { isTimeZone } from "@/lib/jobs/format";

const SUGGESTED = [
  "browser",
  "UTC",
  "Europe/London",
  "Europe/Berlin",
  "America/New_York",
  "America/Chicago",
  "America/Los_Angeles",
  "Asia/Singapore",
  "Asia/Tokyo",
  "Australia/Sydney",
];

/** The zone times are shown in: "browser", "UTC" or an IANA zone; anything else is left as it was. */
export function TimeZoneInput({ value, onChange }: { value: string; onChange: (tz: string) => void }) {
  return (
    <label className="flex items-center gap-1">
      Time zone
      <input
        list="time-zones"
        defaultValue={value}
        key={value}
        aria-describedby="tz-help"
        onBlur={(event) => {
          const tz = event.target.value.trim();
          if (tz !== value && (tz === "browser" || isTimeZone(tz))) onChange(tz);
        }}
        className="w-40 rounded-md border border-[var(--border)] bg-[var(--surface)] px-1"
      />
      <span id="tz-help" className="sr-only">
        browser, UTC or an IANA zone such as Europe/London
      </span>
      <datalist id="time-zones">
        {SUGGESTED.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
    </label>
  );
}
