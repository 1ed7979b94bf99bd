// Fast field access for raw records. Normalizing 100,000 jobs must cost no more than JSON.parse itself,
// so instead of copying each record into a folded dictionary, every key string is mapped once (cached) to
// a slot index, and a record's values land in a small array read by constant indexes. Keys match whatever
// their case or `@` prefix, and known misspellings are aliases of the right name.

import { foldKey } from "./raw-record";

export interface FieldReader<F extends string> {
  /** Slot index of each field, for reading `read(...)`'s result. */
  readonly at: Readonly<Record<F, number>>;
  /**
   * The record's values by slot, or null when it is not an object. The first spelling of a field wins.
   * The array is the reader's own and is overwritten by its next `read`: consume it before reading again.
   */
  read(raw: unknown): readonly unknown[] | null;
}

// Bounded so that bodies with endless distinct keys cannot grow a cache without limit.
const SLOT_CACHE_MAX = 2048;
const POSITIONS_MAX = 128;

export function fieldReader<const F extends string>(
  fields: readonly F[],
  aliases: Readonly<Record<string, F>> = {},
): FieldReader<F> {
  const at = Object.fromEntries(fields.map((field, index) => [field, index])) as Record<F, number>;
  const byFolded = new Map<string, number>(fields.map((field, index) => [field.toLowerCase(), index]));
  for (const [alias, field] of Object.entries(aliases)) byFolded.set(alias.toLowerCase(), at[field]);
  const slotByKey = new Map<string, number>();
  const values: unknown[] = new Array(fields.length).fill(undefined);
  const seenKeys: string[] = [];
  const seenSlots: number[] = [];

  const learn = (key: string): number => {
    const slot = byFolded.get(foldKey(key)) ?? -1;
    if (slotByKey.size < SLOT_CACHE_MAX) slotByKey.set(key, slot);
    return slot;
  };

  return {
    at,
    read(raw) {
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return null;
      // One array per reader, cleared per record: allocating one per job costs more in GC than filling.
      values.fill(undefined);
      const record = raw as Record<string, unknown>;
      // Own keys only in practice: parsed JSON and XML trees are plain objects whose prototype has no
      // enumerable keys, and the per-key hasOwn call would be the costliest line of the whole normalizer.
      // Records of one answer list their keys in the same order, so the key at each position is compared
      // with the one seen there last time (identity, for parsed keys) before the map is asked.
      let position = 0;
      for (const key in record) {
        let slot: number;
        if (position < POSITIONS_MAX && seenKeys[position] === key) {
          slot = seenSlots[position] as number;
        } else {
          slot = slotByKey.get(key) ?? learn(key);
          if (position < POSITIONS_MAX) {
            seenKeys[position] = key;
            seenSlots[position] = slot;
          }
        }
        position++;
        if (slot >= 0 && values[slot] === undefined) values[slot] = record[key];
      }
      return values;
    },
  };
}
