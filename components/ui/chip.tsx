/** An active filter, shown so it is never hidden, with a button that removes it. */
export function Chip({
  text,
  removeLabel,
  onRemove,
  testId,
}: {
  text: string;
  removeLabel: string;
  onRemove: () => void;
  testId?: string;
}) {
  return (
    <span
      data-testid={testId}
      className="inline-flex items-center gap-1 rounded-full bg-[var(--tone-info-bg)] py-0.5 pr-1 pl-3 text-sm"
    >
      {text}
      <button
        type="button"
        aria-label={removeLabel}
        title={removeLabel}
        onClick={onRemove}
        className="rounded-full px-1.5 hover:bg-[var(--surface)]"
      >
        ×
      </button>
    </span>
  );
}
