// Filters in words, one entry per filter: the captions of views that summarise jobs (the wall, the
// overview) and the removable chips of /jobs read the same words, so a filter is named alike everywhere.

import { BACKUP_LEVEL_LABELS } from "./backup-levels";
import { DEFAULT_FILTERS, type JobFilters, savingsRangeText, timeRangeText, WINDOWS } from "./filters";
import { formatDuration } from "./format";
import { JOB_TYPES } from "./job-types";
import { STATUS_INFO } from "./statuses";

export interface FilterWords {
  /** What the chip calls the filter ("Status"); null where the words say it all ("Jobs that ended..."). */
  readonly label: string | null;
  /** The filter's value in words, or null when it is not set (nothing to caption or remove). */
  words(filters: JobFilters): string | null;
  /** What removing the filter sets. */
  readonly clear: Partial<JobFilters>;
}

const list = (items: readonly string[]) => (items.length === 0 ? null : items.join(", "));

/** In the order captions read: what, when, where, which. */
export const FILTER_WORDS = {
  type: {
    label: "Types",
    words: (f) => (f.type === "all" ? null : list(f.type.map((key) => JOB_TYPES[key].label))),
    clear: { type: "all" },
  },
  clientGroup: { label: "Client group", words: (f) => f.clientGroup, clear: { clientGroup: null } },
  client: { label: "Client", words: (f) => f.client, clear: { client: null } },
  agent: { label: "Agent", words: (f) => f.agent, clear: { agent: null } },
  level: {
    label: "Level",
    words: (f) => list(f.level.map((level) => BACKUP_LEVEL_LABELS[level])),
    clear: { level: DEFAULT_FILTERS.level },
  },
  status: {
    label: "Status",
    words: (f) => list(f.status.map((kind) => STATUS_INFO[kind].label)),
    clear: { status: DEFAULT_FILTERS.status },
  },
  q: { label: "Search", words: (f) => f.q, clear: { q: null } },
  range: {
    label: null,
    words: (f) => timeRangeText(f.from, f.to),
    clear: { from: null, to: null },
  },
  savings: { label: null, words: (f) => savingsRangeText(f.savings), clear: { savings: null } },
} as const satisfies Record<string, FilterWords>;
export type FilterWordsKey = keyof typeof FILTER_WORDS;

/** How each filter reads inside a caption, where the filter's name is part of the sentence. */
const IN_CAPTION: Record<FilterWordsKey, (words: string) => string> = {
  type: (words) => words,
  clientGroup: (words) => `client group ${words}`,
  client: (words) => `client ${words}`,
  agent: (words) => `agent ${words}`,
  level: (words) => words,
  status: (words) => words,
  q: (words) => `matching "${words}"`,
  range: (words) => words,
  savings: (words) => words,
};

/**
 * What a summary covers, in words, for the wall's caption and the overview's heading: so "3 failed" reads as
 * failed backups of one client group over a day, not everything.
 */
export function describeFilters(filters: JobFilters): string[] {
  const windowName = Object.entries(WINDOWS).find(([, seconds]) => seconds === filters.window)?.[0];
  const parts = [
    FILTER_WORDS.type.words(filters) ?? "All job types",
    `last ${windowName ?? formatDuration(filters.window)}`,
  ];
  for (const key of Object.keys(FILTER_WORDS) as FilterWordsKey[]) {
    if (key === "type") continue;
    const words = FILTER_WORDS[key].words(filters);
    if (words !== null) parts.push(IN_CAPTION[key](words));
  }
  return parts;
}
