// Raw CommCell records arrive with keys in whatever case and prefix the shape uses: `jobId` in JSON,
// `@jobId` in legacy JSON, and the seed's table spells some keys differently (`localizedstatus`). Folding
// every key to lower case without the `@` lets one reader serve all shapes.

/** A record whose keys are folded: lower case, no leading `@`. */
export type FoldedRecord = Readonly<Record<string, unknown>>;

// Key strings repeat across thousands of records, so each distinct key is folded once. Bounded so that a
// hostile body with millions of distinct keys cannot grow it without limit.
const foldedKeys = new Map<string, string>();
const FOLDED_KEYS_MAX = 4096;

export function foldKey(key: string): string {
  const cached = foldedKeys.get(key);
  if (cached !== undefined) return cached;
  const folded = (key.charCodeAt(0) === 64 /* @ */ ? key.slice(1) : key).toLowerCase();
  if (foldedKeys.size < FOLDED_KEYS_MAX) foldedKeys.set(key, folded);
  return folded;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Folds one level of keys. Returns null for anything that is not an object. The first spelling wins. */
export function foldRecord(value: unknown): FoldedRecord | null {
  if (!isPlainObject(value)) return null;
  // A null prototype: a `__proto__` key from the wire stays an ordinary property.
  const folded: Record<string, unknown> = Object.create(null);
  for (const key in value) {
    const foldedKey = foldKey(key);
    if (!(foldedKey in folded)) folded[foldedKey] = value[key];
  }
  return folded;
}

/** XML and legacy JSON give one child as an object and several as an array; both become an array. */
export function asList(value: unknown): unknown[] {
  if (value === undefined || value === null || value === "") return [];
  return Array.isArray(value) ? value : [value];
}
