import { COVERAGE_INFO, type CoverageState } from "@/lib/jobs/coverage";

export function CoverageBadge({ state }: { state: CoverageState }) {
  const { label, tone } = COVERAGE_INFO[state];
  return (
    <span
      data-coverage-state={state}
      className="inline-block rounded px-1.5 py-0.5 text-xs font-medium"
      style={{ color: `var(--tone-${tone})`, background: `var(--tone-${tone}-bg)` }}
    >
      {label}
    </span>
  );
}
