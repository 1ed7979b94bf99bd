"use client";

import { Checklist } from "@/components/ui/checklist";
import { Chip } from "@/components/ui/chip";
import { DebouncedInput } from "@/components/ui/debounced-input";
import { PickOne } from "@/components/ui/pick-one";
import { BACKUP_LEVEL_KINDS, BACKUP_LEVEL_LABELS } from "@/lib/jobs/backup-levels";
import type { Facets } from "@/lib/jobs/facets";
import { CATEGORIES, type JobFilters, WINDOW_MAX_HOURS, WINDOWS } from "@/lib/jobs/filters";
import { FILTER_WORDS, type FilterWordsKey } from "@/lib/jobs/filters-caption";
import { formatDuration } from "@/lib/jobs/format";
import { JOB_TYPE_KEYS, JOB_TYPES } from "@/lib/jobs/job-types";
import { STATUS_INFO, STATUS_KINDS, type StatusKind } from "@/lib/jobs/statuses";

type Update = (patch: Partial<JobFilters>) => void;

const CATEGORY_LABELS = { active: "Active", finished: "Finished", all: "All" } as const satisfies Record<
  (typeof CATEGORIES)[number],
  string
>;

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** What each chip's button says (read by screen readers and the e2e suite), and its test id. */
const CHIPS: Record<FilterWordsKey, { readonly remove: string; readonly testId?: string }> = {
  type: { remove: "Remove the job type filter" },
  clientGroup: { remove: "Remove the client group filter" },
  client: { remove: "Remove the client filter" },
  agent: { remove: "Remove the agent filter" },
  level: { remove: "Remove the level filter" },
  status: { remove: "Remove the status filter" },
  q: { remove: "Remove the search" },
  // Set by a chart's bar on the overview ("that night's jobs"); shown so it is never a hidden filter.
  range: { remove: "Clear time range", testId: "time-range" },
  savings: { remove: "Clear savings range", testId: "savings-range" },
};

/**
 * The explorer's filters, compact: each filter a button that opens its values with how many jobs each
 * would show (faceted), the window and the text boxes beside them, and every active filter below as a chip
 * that one click removes.
 */
export function FilterBar({
  filters,
  update,
  clients,
  facets,
}: {
  filters: JobFilters;
  update: Update;
  clients: readonly string[];
  /** Counts from the last answer; null until there is one. */
  facets: Facets | null;
}) {
  const types = filters.type === "all" ? [] : filters.type;
  const namedWindow = Object.values(WINDOWS).includes(filters.window as never);
  return (
    <search className="space-y-2" aria-label="Job filters">
      <div className="flex flex-wrap items-center gap-2">
        <fieldset className="flex rounded-md border border-[var(--border)]" aria-label="Category">
          {CATEGORIES.map((category) => (
            <button
              key={category}
              type="button"
              aria-pressed={filters.category === category}
              onClick={() => update({ category })}
              className={`px-3 py-1 text-sm ${filters.category === category ? "bg-[var(--tone-info-bg)] font-medium" : ""}`}
            >
              {CATEGORY_LABELS[category]}
            </button>
          ))}
        </fieldset>

        <Checklist
          label="Types"
          summary={filters.type === "all" ? "all" : `${types.length} chosen`}
          items={JOB_TYPE_KEYS}
          selected={types}
          name={(key) => JOB_TYPES[key].label}
          onToggle={(key) => {
            const next = toggle(types, key);
            update({ type: next.length === 0 ? "all" : next });
          }}
        />
        <button
          type="button"
          className="text-sm underline"
          onClick={() => update({ type: "all" })}
          disabled={filters.type === "all"}
        >
          All types
        </button>
        <Checklist<StatusKind>
          label="Status"
          summary={filters.status.length === 0 ? "any" : `${filters.status.length} chosen`}
          items={STATUS_KINDS}
          selected={filters.status}
          name={(kind) => STATUS_INFO[kind].label}
          onToggle={(kind) => update({ status: toggle(filters.status, kind) })}
          count={facets ? (kind) => facets.status[kind] : undefined}
        />
        <Checklist
          label="Level"
          summary={filters.level.length === 0 ? "any" : `${filters.level.length} chosen`}
          items={BACKUP_LEVEL_KINDS}
          selected={filters.level}
          name={(kind) => BACKUP_LEVEL_LABELS[kind]}
          onToggle={(kind) => update({ level: toggle(filters.level, kind) })}
          count={facets ? (kind) => facets.level[kind] : undefined}
        />
        <PickOne
          label="Client group"
          value={filters.clientGroup}
          options={facets?.clientGroup ?? []}
          onChoose={(clientGroup) => update({ clientGroup })}
        />
        <PickOne
          label="Agent"
          value={filters.agent}
          options={facets?.agent ?? []}
          onChoose={(agent) => update({ agent })}
        />

        <label className="flex items-center gap-1 text-sm">
          Finished within
          <select
            value={filters.window}
            onChange={(event) => update({ window: Number(event.target.value) })}
            className="rounded-md border border-[var(--border)] bg-[var(--surface)] px-1 py-1"
          >
            {Object.entries(WINDOWS).map(([name, seconds]) => (
              <option key={name} value={seconds}>
                {name}
              </option>
            ))}
            {!namedWindow && <option value={filters.window}>{formatDuration(filters.window)}</option>}
          </select>
        </label>
        <DebouncedInput
          label="…or hours"
          compact
          width="w-16"
          value={namedWindow ? "" : String(Math.round(filters.window / 3600))}
          onChange={(hours) => {
            // The same rule as the URL parameter (whole hours); anything else is left as it was.
            const whole = Number(hours);
            if (Number.isInteger(whole) && whole >= 1 && whole <= WINDOW_MAX_HOURS)
              update({ window: whole * 3600 });
          }}
        />
        <DebouncedInput
          label="Client"
          compact
          value={filters.client ?? ""}
          list="client-names"
          onChange={(client) => update({ client: client.trim() || null })}
        />
        <datalist id="client-names">
          {clients.map((name) => (
            <option key={name} value={name} />
          ))}
        </datalist>
        <DebouncedInput
          label="Search (id, client, reason…)"
          compact
          value={filters.q ?? ""}
          onChange={(q) => update({ q: q.trim() || null })}
        />
      </div>

      <ul className="flex flex-wrap items-center gap-2" aria-label="Active filters">
        {(Object.keys(FILTER_WORDS) as FilterWordsKey[]).map((key) => {
          const { label, words, clear } = FILTER_WORDS[key];
          const text = words(filters);
          if (text === null) return null;
          const chip = CHIPS[key];
          return (
            <li key={key}>
              <Chip
                testId={chip.testId}
                text={label ? `${label}: ${text}` : `Jobs ${key === "range" ? "that " : ""}${text}`}
                removeLabel={chip.remove}
                onRemove={() => update(clear)}
              />
            </li>
          );
        })}
      </ul>
    </search>
  );
}
