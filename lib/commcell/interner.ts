// Shares equal values between the jobs of one answer. JSON.parse gives each job its own copy of
// "Completed", of its client's name and so on, and each job its own `{id, name}` objects: 100,000 jobs
// would hold more memory normalized than raw. Jobs are read-only, so equal texts, refs, levels and
// pending reasons are made once and shared. One interner serves one parse and is dropped with it.

import type { BackupLevel } from "@/lib/jobs/backup-levels";
import type { EntityRef } from "@/lib/jobs/job";
import type { PendingReason } from "@/lib/jobs/pending-reason";

// Past this many distinct entries a hostile body is making values to exhaust memory; stop sharing.
const ENTRIES_MAX = 200_000;

type Key = string | number | null;

/** A node of the trie of shared ref lists: the list that ends here, and the lists that go on. */
interface ListNode {
  list: readonly EntityRef[] | undefined;
  readonly next: Map<EntityRef, ListNode>;
}

/** Values keyed by two primitives. Lookups allocate nothing, so a hit costs two map reads. */
export class PairTable<T> {
  private readonly byFirst = new Map<Key, Map<Key, T>>();

  constructor(private readonly budget: { entries: number }) {}

  get(a: Key, b: Key): T | undefined {
    return this.byFirst.get(a)?.get(b);
  }

  set(a: Key, b: Key, value: T): T {
    if (this.budget.entries >= ENTRIES_MAX) return value;
    let byB = this.byFirst.get(a);
    if (byB === undefined) {
      byB = new Map();
      this.byFirst.set(a, byB);
    }
    byB.set(b, value);
    this.budget.entries++;
    return value;
  }
}

export class Interner {
  /**
   * One instance that lives as long as the class. V8 reaches an instance's hidden class through map
   * transitions it holds weakly, and every parse drops its interner: after the next full collection the
   * hidden classes were gone, and with them the optimized code of every function compiled against them
   * (the whole normalizer, 12 functions), compiled again on the next parse. A server parses a refresh
   * every few seconds and collects fully now and then. In the parser benchmark (a full collection
   * between the warm-up and the measured parse) that recompiling was 2.6 MB of a 10,000-job parse's peak
   * RSS, on the compiler threads. This instance holds the hidden classes, so the code stays.
   */
  static readonly shapeKeeper: Interner = new Interner();

  private readonly budget = { entries: 0 };
  private readonly texts = new Map<string, string>();
  readonly clients = new PairTable<EntityRef>(this.budget);
  readonly subclients = new PairTable<EntityRef>(this.budget);
  readonly backupSets = new PairTable<EntityRef>(this.budget);
  readonly instances = new PairTable<EntityRef>(this.budget);
  readonly appTypes = new PairTable<EntityRef>(this.budget);
  readonly groups = new PairTable<EntityRef>(this.budget);
  readonly users = new PairTable<EntityRef>(this.budget);
  readonly levels = new PairTable<BackupLevel | null>(this.budget);
  readonly pendingReasons = new PairTable<PendingReason | null>(this.budget);

  private readonly lists: ListNode = { list: undefined, next: new Map() };

  /**
   * The shared list of the first `count` refs of `refs` (themselves shared, so compared by identity): the
   * jobs of one client carry the same client groups, and an array per job (V8 gives a pushed-to array
   * room for 16) would be the largest thing in a normalized job. `refs` may be the caller's scratch: the
   * list kept is a copy of exactly `count` entries.
   */
  list(refs: readonly EntityRef[], count: number): readonly EntityRef[] {
    let node = this.lists;
    for (let i = 0; i < count; i++) {
      const ref = refs[i] as EntityRef;
      let child = node.next.get(ref);
      if (child === undefined) {
        if (this.budget.entries >= ENTRIES_MAX) return refs.slice(0, count);
        child = { list: undefined, next: new Map() };
        node.next.set(ref, child);
        this.budget.entries++;
      }
      node = child;
    }
    if (node.list === undefined) node.list = refs.slice(0, count);
    return node.list;
  }

  /** The shared copy of a text. */
  text(value: string | null): string | null {
    if (value === null) return null;
    const shared = this.texts.get(value);
    if (shared !== undefined) return shared;
    if (this.budget.entries < ENTRIES_MAX) {
      this.texts.set(value, value);
      this.budget.entries++;
    }
    return value;
  }

  /** The shared `{id, name}`; null when both are missing. */
  ref(table: PairTable<EntityRef>, id: number | null, name: string | null): EntityRef | null {
    if (id === null && name === null) return null;
    // Keyed by name first: names repeat across entities ("default" subclients), so fewer inner maps.
    return table.get(name, id) ?? table.set(name, id, { id, name });
  }
}
