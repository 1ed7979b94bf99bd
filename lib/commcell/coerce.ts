// Readers for raw CommCell values. XML and legacy JSON send every scalar as a string ("100.000000",
// "true"); JSON v11 sends numbers and booleans. Each reader accepts both and returns null for anything it
// cannot read, so a missing or malformed field never becomes a made-up 0 or "".

export function toText(value: unknown): string | null {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? null : trimmed;
  }
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return null;
}

export function toNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string") {
    const trimmed = value.trim();
    if (trimmed === "") return null;
    const parsed = Number(trimmed);
    return Number.isFinite(parsed) ? parsed : null;
  }
  return null;
}

export function toInteger(value: unknown): number | null {
  const parsed = toNumber(value);
  return parsed !== null && Number.isSafeInteger(parsed) ? parsed : null;
}

/** A non-negative count or size; negative numbers are not meaningful here and read as unknown. */
export function toCount(value: unknown): number | null {
  // The common case, a whole number sent as one, is returned as it came: a size above 2^31 is a heap
  // number in V8, and rounding it would allocate a second one per field per job.
  if (typeof value === "number" && Number.isSafeInteger(value)) return value >= 0 ? value : null;
  const parsed = toNumber(value);
  if (parsed === null || parsed < 0) return null;
  const rounded = Math.round(parsed);
  return Number.isSafeInteger(rounded) ? rounded : null;
}

/** Commvault entity ids start at 1; 0 means "no such entity" (a DR backup has clientId 0). */
export function toEntityId(value: unknown): number | null {
  const parsed = toInteger(value);
  return parsed !== null && parsed > 0 ? parsed : null;
}

export function toBoolean(value: unknown): boolean | null {
  if (typeof value === "boolean") return value;
  if (typeof value === "number") return value === 1 ? true : value === 0 ? false : null;
  if (typeof value === "string") {
    switch (value.trim().toLowerCase()) {
      case "true":
      case "1":
      case "yes":
        return true;
      case "false":
      case "0":
      case "no":
        return false;
    }
  }
  return null;
}

/** Unix seconds to epoch milliseconds; 0 is the CommCell's "not yet" and reads as null. */
export function toEpochMs(value: unknown): number | null {
  const seconds = toNumber(value);
  if (seconds === null || seconds <= 0) return null;
  const ms = Math.round(seconds * 1000);
  return Number.isSafeInteger(ms) ? ms : null;
}

/** A percentage; savings can be negative (media larger than the data, as metadata is added). */
export function toPercent(value: unknown): number | null {
  return toNumber(value);
}
