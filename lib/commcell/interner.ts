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
