/**
 * A button that opens a list of values with their counts, one of which may be chosen: a filter that takes a
 * single value (a client group, an agent), faceted.
 */
export function PickOne({
  label,
  value,
  options,
  onChoose,
}: {
  label: string;
  value: string | null;
  options: readonly { readonly name: string; readonly count: number }[];
  onChoose: (value: string | null) => void;
}) {
  return (
    <details className="relative text-xs">
      <summary className="cursor-pointer rounded-md border border-[var(--border)] bg-[var(--surface)] px-2 py-1 text-sm">
        {label}: {value ?? "any"}
      </summary>
      <ul
        aria-label={label}
        className="absolute z-20 mt-1 max-h-72 w-64 overflow-auto rounded-md border border-[var(--border)] bg-[var(--surface)] p-1 shadow"
      >
        {options.length === 0 && <li className="p-1 text-sm text-[var(--muted)]">No jobs to count</li>}
        {options.map((option) => (
          <li key={option.name}>
            <button
              type="button"
              aria-pressed={option.name === value}
              onClick={(event) => {
                onChoose(option.name === value ? null : option.name);
                event.currentTarget.closest("details")?.removeAttribute("open");
              }}
              className={`flex w-full items-center gap-2 rounded px-1 py-0.5 text-left text-sm hover:bg-[var(--tone-neutral-bg)] ${option.name === value ? "font-medium" : ""}`}
            >
              <span className="flex-1 truncate">{option.name}</span>
              <span className="tabular-nums text-[var(--muted)]" data-testid="facet-count">
                {option.count}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </details>
  );
}
