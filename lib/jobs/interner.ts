// Shares equal values between the jobs of one answer. JSON.parse gives each job its own copy of
// "Completed", of its client's name and so on, and each job its own `{id, name}` objects: 100,000 jobs
// would hold more memory normalized than raw. Jobs are read-only, so equal texts, refs, levels and
// pending reasons are made once and shared. One interner serves one parse and is dropped with it.

// Past this many distinct entries a hostile body is making values to exhaust memory; stop sharing.
const ENTRIES_MAX = 200_000;

type Key = string | number | boolean | null | undefined;

export class Interner {
  private readonly texts = new Map<string, string>();
  private readonly pairs = new Map<string, Map<Key, Map<Key, unknown>>>();
  private entries = 0;

  /** The shared copy of a text. */
  text(value: string | null): string | null {
    if (value === null) return null;
    const shared = this.texts.get(value);
    if (shared !== undefined) return shared;
    if (this.entries < ENTRIES_MAX) {
      this.texts.set(value, value);
      this.entries++;
    }
    return value;
  }

  /** The value made from two keys, made once per distinct pair within one kind. */
  pair<T>(kind: string, a: Key, b: Key, make: () => T): T {
    let byA = this.pairs.get(kind);
    if (byA === undefined) {
      byA = new Map();
      this.pairs.set(kind, byA);
    }
    let byB = byA.get(a);
    if (byB === undefined) {
      byB = new Map();
      byA.set(a, byB);
    }
    if (byB.has(b)) return byB.get(b) as T;
    const made = make();
    if (this.entries < ENTRIES_MAX) {
      byB.set(b, made);
      this.entries++;
    }
    return made;
  }
}
