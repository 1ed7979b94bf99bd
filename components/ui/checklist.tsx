/**
 * A button that opens a list of checkboxes: several values of one filter, or the visible columns. With
 * `count`, each item says how many jobs choosing it would show, as a faceted filter does.
 */
export function Checklist<T extends string>({
  label,
  summary,
  items,
  selected,
  name,
  onToggle,
  count,
}: {
  label: string;
  summary: string;
  items: readonly T[];
  selected: readonly T[];
  name: (item: T) => string;
  onToggle: (item: T) => void;
  count?: (item: T) => number | undefined;
}) {
  return (
    <details className="relative text-xs">
      <summary className="cursor-pointer rounded-md border border-[var(--border)] bg-[var(--surface)] px-2 py-1 text-sm">
        {label}: {summary}
      </summary>
      <fieldset className="absolute z-20 mt-1 max-h-72 w-64 overflow-auto rounded-md border border-[var(--border)] bg-[var(--surface)] p-2 shadow">
        <legend className="sr-only">{label}</legend>
        {items.map((item) => (
          <label key={item} className="flex items-center gap-2 py-0.5 text-sm">
            <input type="checkbox" checked={selected.includes(item)} onChange={() => onToggle(item)} />
            <span className="flex-1">{name(item)}</span>
            {count && (
              <span className="tabular-nums text-[var(--muted)]" data-testid="facet-count">
                {count(item) ?? 0}
              </span>
            )}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
