"use client";

import { Checklist } from "@/components/ui/checklist";
import { DebouncedInput } from "@/components/ui/debounced-input";

import { BACKUP_LEVEL_KINDS, BACKUP_LEVEL_LABELS } from "@/lib/jobs/backup-levels";
import {
  CATEGORIES,
  type JobFilters,
  savingsRangeText,
  timeRangeText,
  WINDOW_MAX_HOURS,
  WINDOWS,
} from "@/lib/jobs/filters";
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

export function FilterBar({
  filters,
  update,
  clients,
}: {
  filters: JobFilters;
  update: Update;
  clients: readonly string[];
}) {
  const types = filters.type === "all" ? [] : filters.type;
  const range = timeRangeText(filters.from, filters.to);
  const savings = savingsRangeText(filters.savings);
  return (
    <search className="flex flex-wrap items-end gap-3" aria-label="Job filters">
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
        summary={filters.type === "all" ? "all" : types.map((key) => JOB_TYPES[key].label).join(", ")}
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
        summary={
          filters.status.length === 0
            ? "any"
            : filters.status.map((kind) => STATUS_INFO[kind].label).join(", ")
        }
        items={STATUS_KINDS}
        selected={filters.status}
        name={(kind) => STATUS_INFO[kind].label}
        onToggle={(kind) => update({ status: toggle(filters.status, kind) })}
      />

      <Checklist
        label="Level"
        summary={
          filters.level.length === 0
            ? "any"
            : filters.level.map((kind) => BACKUP_LEVEL_LABELS[kind]).join(", ")
        }
        items={BACKUP_LEVEL_KINDS}
        selected={filters.level}
        name={(kind) => BACKUP_LEVEL_LABELS[kind]}
        onToggle={(kind) => update({ level: toggle(filters.level, kind) })}
      />

      <label className="flex flex-col gap-1 text-xs">
        Finished within
        <select
          value={filters.window}
          onChange={(event) => update({ window: Number(event.target.value) })}
          className="rounded-md border border-[var(--border)] bg-[var(--surface)] px-2 py-1 text-sm"
        >
          {Object.entries(WINDOWS).map(([name, seconds]) => (
            <option key={name} value={seconds}>
              {name}
            </option>
          ))}
          {!Object.values(WINDOWS).includes(filters.window as never) && (
            <option value={filters.window}>{formatDuration(filters.window)}</option>
          )}
        </select>
      </label>
      <DebouncedInput
        label="…or hours"
        value={
          Object.values(WINDOWS).includes(filters.window as never)
            ? ""
            : String(Math.round(filters.window / 3600))
        }
        onChange={(hours) => {
          // The same rule as the URL parameter (whole hours); anything else is left as it was.
          const whole = Number(hours);
          if (Number.isInteger(whole) && whole >= 1 && whole <= WINDOW_MAX_HOURS)
            update({ window: whole * 3600 });
        }}
      />

      <DebouncedInput
        label="Client"
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
        label="Client group"
        value={filters.clientGroup ?? ""}
        onChange={(group) => update({ clientGroup: group.trim() || null })}
      />
      <DebouncedInput
        label="Agent"
        value={filters.agent ?? ""}
        onChange={(agent) => update({ agent: agent.trim() || null })}
      />
      <DebouncedInput
        label="Search (id, client, reason…)"
        value={filters.q ?? ""}
        onChange={(q) => update({ q: q.trim() || null })}
      />
      {/* Set by a chart's bar on the overview ("that night's jobs"); shown so it is never a hidden filter. */}
      {range && (
        <p className="flex items-center gap-2 text-sm" data-testid="time-range">
          <span className="rounded-md bg-[var(--tone-info-bg)] px-2 py-1">Jobs that {range}</span>
          <button type="button" className="underline" onClick={() => update({ from: null, to: null })}>
            Clear time range
          </button>
        </p>
      )}
      {savings && (
        <p className="flex items-center gap-2 text-sm" data-testid="savings-range">
          <span className="rounded-md bg-[var(--tone-info-bg)] px-2 py-1">Jobs {savings}</span>
          <button type="button" className="underline" onClick={() => update({ savings: null })}>
            Clear savings range
          </button>
        </p>
      )}
    </search>
  );
}
