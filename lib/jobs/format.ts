// Formatting at the edge: sizes in binary units, durations as "2 h 14 m", times relative to now and
// absolute in the viewer's chosen time zone with its offset written. The domain keeps bytes, seconds and
// epoch milliseconds; only components call these (and the wall chart's axis, to step in the unit its
// labels are written in).

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB", "PiB"] as const;

/** The power of 1024 a size is written in: its largest unit of which it has at least one (B to PiB). */
export function binaryUnitOf(bytes: number): number {
  let unit = 0;
  for (let value = Math.abs(bytes); value >= 1024 && unit < UNITS.length - 1; value /= 1024) unit++;
  return unit;
}

export function formatBytes(bytes: number | null): string {
  if (bytes === null) return "–";
  const unit = binaryUnitOf(bytes);
  // A power of two: dividing by it is exact, as the repeated halvings by 1024 it replaces were.
  const value = bytes / 1024 ** unit;
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 2 : value < 100 ? 1 : 0)} ${UNITS[unit]}`;
}

export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "–";
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} m`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} m`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

export function formatRelative(time: number | null, now: number): string {
  if (time === null) return "–";
  const seconds = Math.round((now - time) / 1000);
  const future = seconds < 0;
  const span = Math.abs(seconds);
  let text: string;
  if (span < 45) text = `${span} s`;
  else if (span < 3600) text = `${Math.round(span / 60)} min`;
  else if (span < 86_400 * 2) text = `${Math.round(span / 3600)} h`;
  else text = `${Math.round(span / 86_400)} d`;
  return future ? `in ${text}` : `${text} ago`;
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * One formatter per time zone and shape: making an Intl.DateTimeFormat costs far more than using one
 * (profiled: a fifth of a 10,000-row table's re-render after a sort went to making one per time cell).
 */
function formatsPerZone(
  options: Intl.DateTimeFormatOptions,
): (timeZone: string | undefined) => Intl.DateTimeFormat {
  const formats = new Map<string, Intl.DateTimeFormat>();
  return (timeZone) => {
    const key = timeZone ?? "";
    let format = formats.get(key);
    if (!format) {
      format = new Intl.DateTimeFormat("en-GB", { ...options, timeZone });
      formats.set(key, format);
    }
    return format;
  };
}

const absoluteFormat = formatsPerZone({
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
  timeZoneName: "longOffset",
});

const clockFormat = formatsPerZone({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" });

/** "22:14", a wall clock's face, in the given zone (undefined: the runtime's own). */
export function formatClock(time: number, timeZone?: string): string {
  return clockFormat(timeZone).format(time);
}

/** "2026-11-23 22:14:05 +01:00" in the given zone (undefined: the runtime's own). */
export function formatAbsolute(time: number | null, timeZone?: string): string {
  if (time === null) return "–";
  const parts = absoluteFormat(timeZone).formatToParts(new Date(time));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const offset = part("timeZoneName").replace("GMT", "") || "+00:00";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")} ${offset}`;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A chart bucket's key ("2026-11-30T19" for an hour, "2026-11-30" for a day, both UTC) as an axis label
 * a person reads: "30 Nov 19:00", "30 Nov". Anything else (a client's name, a night) is left as it is.
 */
export function formatBucketKey(key: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}))?$/.exec(key);
  if (!match) return key;
  const day = `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? match[2]}`;
  return match[4] === undefined ? day : `${day} ${match[4]}:00`;
}
