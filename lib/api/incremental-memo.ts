// Work derived from a job answer (a sorted selection, facet counts) that is brought up to date when the
// answer changes, instead of made again from every job. Like answerMemo it keeps a value per answer and key;
// beside that it remembers, per line (one view of one cache entry: a viewer's query and the filters), the
// last answer it made a value for. When the line's next answer arrives, the value is updated with the jobs
// that changed between the two (lib/jobs/job-changes.ts), which after an incremental refresh are a few dozen
// of 100,000. Without this every new answer version re-sorted 100,000 jobs for each of its views.

import type { Job } from "@/lib/jobs/job";
import { type JobChanges, jobChanges } from "@/lib/jobs/job-changes";
import { answerMemo } from "./answer-memo";

interface Answer {
  readonly jobs: readonly Job[];
}

export interface IncrementalMemo<T> {
  /**
   * The kept value for (answer, key); else the line's last value updated with what changed since its
   * answer, or, when there is none or most jobs changed, a new one from `make`.
   */
  get(
    answer: Answer,
    line: string,
    key: string,
    make: () => T,
    update: (kept: T, changes: JobChanges) => T,
  ): T;
}

interface Line<T> {
  readonly jobs: readonly Job[];
  readonly value: T;
  readonly at: number;
}

/** The changes into each answer's jobs from the one other answer last diffed against it: views share them. */
const diffs = new WeakMap<
  readonly Job[],
  { readonly from: readonly Job[]; readonly changes: JobChanges | null }
>();

function changesBetween(from: readonly Job[], to: readonly Job[]): JobChanges | null {
  const kept = diffs.get(to);
  if (kept?.from === from) return kept.changes;
  const changes = jobChanges(from, to);
  diffs.set(to, { from, changes });
  return changes;
}

export interface IncrementalMemoOptions {
  /** Values kept per answer (as answerMemo's limit). */
  readonly perAnswer: number;
  /** Lines remembered, least recently used out. */
  readonly lines: number;
  /**
   * A line untouched this long is forgotten. It holds its answer's jobs, and after the periodic full fetch
   * every job is a new object, so an older line could not be updated anyway; forgetting it lets them go.
   */
  readonly idleMs: number;
  readonly clock?: () => number;
}

export function incrementalMemo<T>(options: IncrementalMemoOptions): IncrementalMemo<T> {
  const clock = options.clock ?? Date.now;
  const memo = answerMemo<T>(options.perAnswer);
  const lines = new Map<string, Line<T>>();
  const forgetIdle = (now: number) => {
    for (const [name, line] of lines) if (now - line.at >= options.idleMs) lines.delete(name);
  };
  return {
    get(answer, lineName, key, make, update) {
      return memo.get(answer, key, () => {
        const now = clock();
        forgetIdle(now);
        const line = lines.get(lineName);
        let value: T;
        if (!line) value = make();
        else if (line.jobs === answer.jobs) value = line.value;
        else {
          const changes = changesBetween(line.jobs, answer.jobs);
          // Past half the jobs changed, updating costs about what making anew does.
          const worth = changes && changes.added.length + changes.removed.length <= answer.jobs.length / 2;
          value = changes && worth ? update(line.value, changes) : make();
        }
        lines.delete(lineName);
        lines.set(lineName, { jobs: answer.jobs, value, at: now });
        if (lines.size > options.lines) lines.delete(lines.keys().next().value as string);
        return value;
      });
    },
  };
}
