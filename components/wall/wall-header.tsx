"use client";

import { useNow } from "@/components/hooks/use-now";
import { formatClock } from "@/lib/jobs/format";
import { ageOf, formatAge, type RefreshLog } from "@/lib/wall/freshness";

/** The wall's title, what it shows, and the time with how old its data is. */
export function WallHeader({
  title,
  caption,
  timeZone,
  log,
}: {
  title: string;
  caption: string;
  timeZone: string | undefined;
  log: RefreshLog;
}) {
  return (
    <header className="flex items-end justify-between gap-[2vw]">
      <div className="min-w-0">
        <h1 className="truncate text-[3.6vh] font-bold">{title}</h1>
        <p data-testid="caption" className="truncate text-[2.2vh] text-[var(--muted)]">
          {caption}
        </p>
      </div>
      <WallClock timeZone={timeZone} log={log} />
    </header>
  );
}

// The one part of the screen that changes every second: it reads the clock itself, so a tick draws these
// two lines and not the panels (which change only with an answer).
function WallClock({ timeZone, log }: { timeZone: string | undefined; log: RefreshLog }) {
  const now = useNow();
  if (now === null) return null;
  return (
    <div className="shrink-0 text-right">
      <p className="text-[3.6vh] font-bold leading-none tabular-nums">{formatClock(now, timeZone)}</p>
      <p data-testid="updated" className="text-[2.2vh] text-[var(--muted)]">
        {log.fetchedAt === null
          ? "waiting for the first update…"
          : `updated ${formatClock(log.fetchedAt - log.clockOffsetMs, timeZone)} · ${formatAge(ageOf(log, now) ?? 0)} ago`}
      </p>
    </div>
  );
}

/** Why the screen is dimmed: not signed in any more, or how old its data is and the last error. */
export function WallBanner({ unauthorized, log }: { unauthorized: boolean; log: RefreshLog }) {
  const now = useNow();
  if (unauthorized)
    return (
      <Banner>
        This screen is not signed in any more. Open it once with its display key (?key=…) to sign it in again.
      </Banner>
    );
  if (now === null) return null;
  const ageMs = ageOf(log, now);
  return (
    <Banner>
      {ageMs === null ? "No data yet" : `Data is ${formatAge(ageMs)} old`}
      {log.lastError ? `: ${log.lastError}` : ""}
    </Banner>
  );
}

function Banner({ children }: { children: React.ReactNode }) {
  return (
    <p
      role="alert"
      data-testid="stale-banner"
      className="rounded-[1vh] bg-[var(--tone-danger-bg)] px-[1.5vh] py-[1vh] text-[3.6vh] font-bold text-white"
    >
      {children}
    </p>
  );
}
