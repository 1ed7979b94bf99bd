// GET /api/coverage's work, apart from HTTP: a year of backup jobs through the same cache and incremental
// refresh as every view, the subclient inventory (kept a few minutes per identity), and the coverage index
// per cached history, fed only the jobs that are new in each refreshed answer.

import "server-only";
import { fetchInventory, INVENTORY_FAILED, type Inventory } from "@/lib/commcell/inventory";
import type { RefreshedJobs } from "@/lib/commcell/job-refresh";
import { type ClientCoverage, CoverageIndex, type CoverageSummary } from "@/lib/jobs/coverage";
import { COVERAGE_WINDOWS, type CoverageParams, filterCoverage } from "@/lib/jobs/coverage-params";
import { DEFAULT_FILTERS, type JobFilters, WINDOWS } from "@/lib/jobs/filters";
import { cachedJobs } from "./job-view";
import { asSeenBy, seenBy, type Viewer } from "./viewer";

/** Backups of a year: the period's jobs and, for most subclients, their last success before it. */
export const COVERAGE_HISTORY: JobFilters = {
  ...DEFAULT_FILTERS,
  category: "all",
  type: ["backup"],
  window: WINDOWS["1y"],
};

const INVENTORY_TTL_MS = 5 * 60_000;
const inventories = new Map<string, { at: number; value: Promise<Inventory> }>();

function inventoryFor(viewer: Viewer): Promise<Inventory> {
  const held = inventories.get(viewer.cacheKey);
  if (held && Date.now() - held.at < INVENTORY_TTL_MS) return held.value;
  const value = fetchInventory(viewer.upstream);
  inventories.set(viewer.cacheKey, { at: Date.now(), value });
  // A failed fetch (a refused token) is not kept: the next request asks again.
  value.catch(() => inventories.delete(viewer.cacheKey));
  if (inventories.size > 200) inventories.delete(inventories.keys().next().value as string);
  return value;
}

/** Why coverage is read from jobs alone; a CommCell failure in the words this viewer may see. */
function inventoryNote(viewer: Viewer, inventory: Extract<Inventory, { kind: "jobs-only" }>): string {
  if (!inventory.failure) return inventory.reason;
  return `${INVENTORY_FAILED}: ${seenBy(viewer, inventory.failure).message}`;
}

/** One index per identity, kept across refreshed answers: each answer's new jobs are added, no more. */
const indexes = new Map<string, { answer: RefreshedJobs; index: CoverageIndex }>();

export function indexFor(key: string, answer: RefreshedJobs): CoverageIndex {
  const held = indexes.get(key);
  if (held?.answer === answer) return held.index;
  const index = held?.index ?? new CoverageIndex();
  // A merged answer built on the one the index holds brings only its delta; any other, every job (those
  // the index has seen are skipped).
  if (held && answer.delta && answer.previousVersion === held.answer.version) index.addAll(answer.delta);
  else index.addAll(answer.jobs);
  indexes.set(key, { answer, index });
  if (indexes.size > 200) indexes.delete(indexes.keys().next().value as string);
  return index;
}

export interface CoverageAnswer {
  readonly summary: CoverageSummary;
  readonly clients: readonly ClientCoverage[];
  readonly within: string;
  readonly fetchedAt: string;
  readonly stale: boolean;
  readonly error: { readonly code: string; readonly message: string } | null;
  readonly inventory: "commcell" | "jobs-only";
  /** Why coverage is computed from the jobs alone, in words for the page. */
  readonly inventoryNote: string | null;
}

export async function coverageView(viewer: Viewer, params: CoverageParams): Promise<CoverageAnswer> {
  const [answer, inventory] = await Promise.all([
    cachedJobs(viewer, COVERAGE_HISTORY),
    asSeenBy(viewer, inventoryFor(viewer)),
  ]);
  const index = indexFor(viewer.cacheKey, answer.value);
  // The period ends now on the CommCell's clock, as the jobs' times are.
  const now = Date.now() + answer.value.clockOffsetMs;
  const report = index.report(
    COVERAGE_WINDOWS[params.within] * 1000,
    now,
    inventory.kind === "commcell" ? inventory.subclients : null,
    now - COVERAGE_HISTORY.window * 1000,
  );
  const { summary, clients } = filterCoverage(report, params);
  return {
    summary,
    clients,
    within: params.within,
    fetchedAt: new Date(answer.fetchedAt).toISOString(),
    stale: answer.stale,
    error: answer.error ? { code: `commcell_${answer.error.kind}`, message: answer.error.message } : null,
    inventory: inventory.kind,
    inventoryNote: inventory.kind === "jobs-only" ? inventoryNote(viewer, inventory) : null,
  };
}
